
/* Appended by macros/upstream/material_theme.py to lunr.LANG.min.js in the built site (issue 13), so
 * that it runs only where that language's search does.
 * Material's search adds a trailing "*" to every query word ("anmeldungen*"), so that a word
 * typed so far matches longer ones. lunr then leaves the word out of the search pipeline (a
 * word with a wildcard is taken as written), and this language's stemmer never sees it: the
 * index holds stems ("anmeld" for "Anmeldung"), so an inflected form ("Anmeldungen") found
 * nothing. Here a word with a trailing "*" goes through the pipeline too, and the stemmer
 * stems it without its "*" and puts the "*" back: "anmeldungen*" becomes "anmeld*". */
(function (lunr, language) {
  var stem = lunr[language].stemmer;
  function stemBeforeWildcard(token) {
    if (typeof token.update !== "function") {
      return /.\*$/.test(token) ? stem(token.slice(0, -1)) + "*" : stem(token);
    }
    var word = token.toString();
    if (!/.\*$/.test(word)) return stem(token);
    token.update(function (text) { return text.slice(0, -1); });
    return stem(token).update(function (text) { return text + "*"; });
  }
  lunr[language].stemmer = stemBeforeWildcard;
  lunr.Pipeline.registerFunction(stemBeforeWildcard, "stemmer-" + language);

  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (options) {
    var term = options && options.term;
    if (typeof term === "string" && /[^*]\*$/.test(term) && term.indexOf("*") === term.length - 1) {
      options.usePipeline = true;
    }
    return clause.call(this, options);
  };
})(lunr, "LANG");
