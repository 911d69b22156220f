"""The writing guide's generated parts (docs/writing/): its rendered examples, the table of
writer mistakes (macros/writer_mistakes.yml), and `make new-guide`.
"""
