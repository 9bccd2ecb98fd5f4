"""IR -> the files of a client package, in four jobs, one sub-package each:

- `views`: the IR made into what templates print (names, signatures, type
  expressions, literals), every piece of spec text made safe here;
- `templating`: the Jinja environment, the built-in templates and their
  reference documentation; `render_package` is the emit entry point;
- `formatting`: black's output for every module, cheaply (blackcheck,
  the layout helpers, the chunk cache);
- `writing`: the atomic swap of the output folder.

`cache.py` is the one cache folder the formatting and templating share.
"""
