"""The shapes the one table model learned from the screens that used to lay themselves out:
a ledger of figures with two-line headings, totals and share bars (the workload); a grid at
a slip's 78 columns (form 05's handovers); a column that goes under its row when the screen
is narrow (an indicator's formula, a step's details); a list of label and value."""

from __future__ import annotations

from tthc.present.backends import Bar, Ledger, Paper
from tthc.present.table import Field, Plain, Table

#: September 2025's load at a commune center: Đức carries the most.
SEPTEMBER = Table(
    [
        Field("Officer"),
        Field("Received", align="right"),
        Field("On-time\nrate", align="right"),
        Field("Load", align="right"),
    ],
    [["Đức", "12", "50.00%", "30"], ["Lan", "3", "100.00%", "7"], ["Total", "15", "66.67%", "37"]],
    totals=1,
)
SHARES = Table(
    [Field(""), Field(""), Field("", align="right")],
    [["Đức", Bar(30, 30), "81.08%  30"], ["Lan", Bar(7, 30), "18.92%  7"], ["Tám", Bar(1, 500), "0.20%  1"]],
)


def test_septembers_workload_has_two_line_headings_and_the_total_under_its_own_rule() -> None:
    [lines] = Ledger(80).drawn(SEPTEMBER)
    assert [line.rstrip() for line in lines] == [
        "                   On-time",
        "Officer  Received     rate  Load",
        "────────────────────────────────",
        "Đức            12   50.00%    30",
        "Lan             3  100.00%     7",
        "────────────────────────────────",
        "Total          15   66.67%    37",
    ]


def test_the_share_bars_take_the_room_the_figures_leave_and_line_up_under_the_names() -> None:
    table, bars = Ledger(60).drawn(SEPTEMBER, SHARES)
    assert all(len(line) == 60 for line in bars)
    duc, lan, tam = bars
    assert duc.index("█") == table[1].index("Received")  # the names as wide as the table's
    assert duc.startswith("Đức      █") and duc.endswith("81.08%  30")
    assert duc.count("█") > lan.count("█") > 0
    assert tam.count("█") == 1  # one dossier of 500 still shows


def test_a_long_name_goes_on_under_its_row_only_when_the_figures_leave_it_no_room() -> None:
    long = Table(SEPTEMBER.fields, [["Nguyễn Thị Hồng Nhung Phương Thảo", "12345", "99.99%", "23456"]])
    [wide] = Ledger(80).drawn(long)
    assert "Nguyễn Thị Hồng Nhung Phương Thảo  " in wide[-1]
    [narrow] = Ledger(40).drawn(long)
    row = next(i for i, line in enumerate(narrow) if line.startswith("Nguyễn"))
    assert narrow[row].split()[-3:] == ["12345", "99.99%", "23456"]
    assert [line.rstrip() for line in narrow[row:]] == [
        "Nguyễn Thị         12345   99.99%  23456",
        "Hồng Nhung",
        "Phương Thảo",
    ]
    assert "…" not in "".join(narrow)
    assert max(len(line) for line in narrow) <= 40


def test_form_05s_handovers_give_way_to_the_paper_widest_column_first() -> None:
    handovers = Table.of(
        ["Handed over by", "Received by", "When", "Papers and their state"],
        [
            [
                "Bộ phận một cửa",
                "Công chức Tư pháp – Hộ tịch",
                "08/09/2025 09:30",
                "Tờ khai; bản sao giấy chứng sinh " * 3,
            ]
        ],
    )
    lines = Paper(78).lines(handovers)
    assert max(len(line) for line in lines) <= 78
    assert lines[3].startswith("Bộ phận một cửa  Công chức Tư pháp –   08/09/2025 09:30  Tờ khai;")
    assert lines[4].split() == ["Hộ", "tịch", "chứng", "sinh", "Tờ", "khai;"]  # the moment stays whole


#: Two indicators of the province's scorecard, their formulas long.
SCORECARD = Table(
    [
        Field("Id"),
        Field("Name", wrap=True),
        Field("Points", align="right"),
        Field("Formula", wrap=True, under=1),
    ],
    [
        [
            "2.1",
            "Dossiers resolved on time",
            "9",
            "dossiers resolved early or on time over all resolved, in the period",
        ],
        ["2.2", "Time taken per procedure", "3", "average working days taken, within the procedure's limit"],
    ],
    lead=2,
)


def test_an_indicators_formula_stays_a_column_on_a_wide_screen() -> None:
    lines = Plain(200).lines(SCORECARD)
    assert lines[0].split() == ["Id", "Name", "Points", "Formula"]
    assert not any("↳" in line for line in lines)


def test_an_indicators_formula_goes_under_its_row_on_a_narrow_screen() -> None:
    lines = Plain(30).lines(SCORECARD)
    assert lines[0].split() == ["Id", "Name", "Points"]
    assert lines[4] == "     ↳ dossiers resolved early"
    assert max(len(line) for line in lines) <= 30


def test_a_steps_details_go_under_it_when_they_would_be_narrower_than_asked() -> None:
    trail = Table(
        [Field("#", align="right"), Field("Step"), Field("Details", wrap=True, under=30)],
        [["1", "receive", "received at the one-stop desk from Nguyễn Văn An, papers complete"]],
    )
    assert "↳" not in "\n".join(Plain(120, reshape=False).lines(trail))
    assert "↳ received at the one-stop desk" in "\n".join(Plain(40, reshape=False).lines(trail))


def test_a_list_of_label_and_value_has_no_heading_and_no_rule() -> None:
    days = Table(
        [Field(""), Field("")], [["Sat 30/08/2025", "not a working day"], ["Tue 02/09/2025", "National Day"]]
    )
    assert Plain(None, reshape=False).lines(days) == [
        "Sat 30/08/2025  not a working day",
        "Tue 02/09/2025  National Day",
    ]


def test_a_notes_long_code_stands_out_of_the_room_left_rather_than_widen_the_column() -> None:
    note = "papers: a certified copy of 000.00.20.H56-250908-0001-birth-certificate and the household book"
    fields = [Field(""), Field("", wrap=True, least=18)]
    lines = Plain(40, reshape=False).lines(Table(fields, [["Code", "X-1"], ["Note", note]]))
    assert lines == [
        "Code  X-1",
        "Note  papers: a certified copy of",
        "      000.00.20.H56-250908-0001-birth-certificate",
        "      and the household book",
    ]
