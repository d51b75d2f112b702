"""The package's one build step beyond setuptools: compile the Vietnamese catalog
(tthc/locale/vi/LC_MESSAGES/tthc.po) to its tthc.mo with Babel, so an installed tthc reads a
compiled catalog. A checkout or an editable install without it compiles the .mo on first use
(tthc/locale/mo.py). Everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOG = Path("tthc", "locale", "vi", "LC_MESSAGES")


def compile_catalog(po: Path, mo: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale="vi", domain="tthc")
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as f:
        write_mo(f, catalog)


class BuildWithCatalog(build_py):  # type: ignore[misc]
    """build_py, then tthc.mo beside tthc.po in the build (in the source folder when editable)."""

    def run(self) -> None:
        super().run()
        po = CATALOG / "tthc.po"
        targets = [CATALOG / "tthc.mo"]
        if not getattr(self, "editable_mode", False):
            targets.append(Path(self.build_lib) / CATALOG / "tthc.mo")
        for mo in targets:
            compile_catalog(po, mo)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            outputs.append(str(Path(self.build_lib) / CATALOG / "tthc.mo"))
        return outputs


setup(cmdclass={"build_py": BuildWithCatalog})
