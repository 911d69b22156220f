from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TranslationsConfig(Config):
    # Which of lunr's functions each language's search index keeps (Material's search
    # `pipeline`); a language not listed gets Material's default (the stop word filter only).
    search_pipeline = c.DictOfItems(
        c.ListOfItems(c.Choice(("stemmer", "stopWordFilter", "trimmer"))), default={})
