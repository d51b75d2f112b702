"""The sets of forms: which circular's forms a dossier is printed on (by its receipt day), each
paper's number in the set, and the look-up address a slip's QR code holds."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from tthc.core.errors import TthcError
from tthc.locale.i18n import t


@dataclass(frozen=True)
class FormSet:
    """The forms of one circular: each paper's number in it, and the circular's own number,
    which every paper names beside its form number."""

    circular: str
    numbers: dict[str, str]  # paper (receipt, supplement, …) → its form number

    def number(self, paper: str) -> str:
        return self.numbers[paper]

    def paper(self, number: str) -> str | None:
        """The paper printed as form ``number`` of this set, if any."""
        return next((name for name, n in self.numbers.items() if n == number), None)

    def label(self, lang: str, paper: str) -> str:
        """``Mẫu số 06 (Thông tư 03/2025/TT-VPCP)``: the corner of every paper."""
        return t(lang, "Form {n} (Circular {circular})", n=self.number(paper), circular=self.circular)


#: Circular 01/2018/TT-VPCP (guiding Decree 61/2018): five slips and the log book.
FORMS_2018 = FormSet(
    "01/2018/TT-VPCP",
    {"receipt": "01", "supplement": "02", "refusal": "03", "apology": "04", "control": "05", "logbook": "06"},
)
#: Circular 03/2025/TT-VPCP, Appendix I (guiding Decree 118/2025): form 05, the notice that
#: handling stops, is new; the control sheet and the log book move one number down.
FORMS_2025 = FormSet(
    "03/2025/TT-VPCP",
    {
        "receipt": "01",
        "supplement": "02",
        "refusal": "03",
        "apology": "04",
        "stop": "05",
        "control": "06",
        "logbook": "07",
    },
)
#: The first day a dossier is received under Circular 03/2025's forms. The circular is dated
#: 15/9/2025; its article on entry into force was not found. **Our choice**: 30/10/2025, the
#: 45th day after signing, the earliest a ministry-level text may take effect (Law on the
#: Promulgation of Legal Documents 2025, Art. 57.1). One date, here only.
FORMS_2025_FROM = date(2025, 10, 30)
#: Every form number of one set or the other; which paper it is depends on the set.
FORMS = ("01", "02", "03", "04", "05", "06", "07")


def form_set(received: date) -> FormSet:
    """The forms a dossier received on ``received`` is printed on, all its life."""
    return FORMS_2025 if received >= FORMS_2025_FROM else FORMS_2018


#: Left blank on the paper, to be filled in by hand.
DOTS = "…………………"
DOTS_LINE = "……………………………………………………………………"


#: Where the web side (``tthc serve``) answers a citizen's look-up, under the public address.
LOOKUP_PATH = "/tra-cuu"


def lookup_url(public_url: str, code: str) -> str:
    """The look-up page with ``code`` filled in, under the center's public address: what a
    slip's QR code and the web side's printable slip point at."""
    return f"{public_url}{LOOKUP_PATH}?ma={quote(code, safe='')}"


def lookup_target(public_url: str, code: str) -> str:
    """What a slip's QR code holds: the lookup page of the dossier when the center has a
    public address, else the dossier code itself."""
    if not public_url:
        return code
    return lookup_url(public_url, code)


def form_number(text: str) -> str:
    """``1`` or ``01`` → ``01``; anything but a two-digit form number is refused."""
    value = text.strip()
    if value.isdigit() and len(value) <= 2 and value.zfill(2) in FORMS:
        return value.zfill(2)
    raise TthcError("unknown form {form!r}: expected a form number, 01 to 07", form=text)


def slip_paper(forms: FormSet, number: str, code: str) -> str:
    """The paper form ``number`` is in the dossier's set; the log book's number, or one the
    set does not have, is refused with the numbers it has."""
    paper = forms.paper(number)
    if paper == "logbook":
        raise TthcError(
            "form {form} of Circular {circular} is the log book, not a slip: print it with `tthc logbook`",
            form=number,
            circular=forms.circular,
            code=code,
        )
    if paper is None:
        numbers = ", ".join(n for name, n in forms.numbers.items() if name != "logbook")
        raise TthcError(
            "dossier {code} is printed on the forms of Circular {circular}, which has no form {form}: choose {numbers}",
            form=number,
            circular=forms.circular,
            code=code,
            numbers=numbers,
        )
    return paper
