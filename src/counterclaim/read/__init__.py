"""Reading inputs: paths, stdin and manifests become :class:`~counterclaim.model.RawRecord` items
or input errors (:mod:`.inputs`); cleaning turns a record into a
:class:`~counterclaim.model.Document` (:mod:`.clean`)."""
