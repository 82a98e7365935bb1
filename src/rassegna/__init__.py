"""rassegna: turn a pile of news articles into a sourced dossier, offline.

    import rassegna
    dossier = rassegna.analyse(["Il ministro ha detto che …"])   # in memory, a dict
    rassegna.write_dossier(["articles/"], "out")                # files, as `rassegna build`
    dossier = rassegna.load("out")
"""

__version__ = "0.1.0"
__all__ = ["analyse", "write_dossier", "load"]


def __getattr__(name: str):
    # imported on first use: `import rassegna` stays cheap for the CLI and the workers
    if name in __all__:
        from rassegna import api

        return getattr(api, name)
    raise AttributeError(f"module 'rassegna' has no attribute {name!r}")
