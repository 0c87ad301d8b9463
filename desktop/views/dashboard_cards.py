"""The dashboard's figure cards: a big figure over what it counts, with a line of detail."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.fa.digits import to_persian_digits
from desktop.fa.money import format_amount
from desktop.i18n import N_, tr
from desktop.services.dashboard import Dashboard, JobCounts

PER_ROW = 5
MILLION, BILLION = 10 ** 6, 10 ** 9


class FigureCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.figure = QLabel("…", self)
        self.figure.setObjectName("figureValue")
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 10)
        layout.setSpacing(2)
        for label in (self.figure, self.title, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, figure: str, detail: str = "") -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)
        self.setToolTip(f"{self.title.text()}: {figure}" + (f" — {detail}" if detail else ""))


def rials_short(rials: int) -> str:
    """A large sum as it fits a card: millions or billions of Rials to one decimal."""
    if abs(rials) < MILLION:
        return tr("{amount} Rials", amount=format_amount(rials))
    unit, text = (BILLION, N_("{amount} billion Rials")) if abs(rials) >= BILLION \
        else (MILLION, N_("{amount} million Rials"))
    whole, tenth = divmod((rials * 10 + unit // 2) // unit, 10)
    amount = format_amount(whole) + ("" if tenth == 0 else "٫" + to_persian_digits(tenth))
    return tr(text, amount=amount)


class FigureCards(QWidget):
    KEYS: tuple[str, ...] = ("created", "stabilised", "commitment", "loans", "solar",
                             "community", "savings", "outstanding", "overdue", "caseload")
    TITLES: ClassVar[dict[str, str]] = {
        "created": N_("Jobs created"), "stabilised": N_("Jobs stabilised"),
        "commitment": N_("Of the year's commitment"), "loans": N_("Loans and grants paid"),
        "solar": N_("Solar income paid"), "community": N_("Community-based jobs"),
        "savings": N_("Micro-finance savings"),
        "outstanding": N_("Micro-finance loans outstanding"),
        "overdue": N_("Overdue visits"), "caseload": N_("Open cases"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {key: FigureCard(tr(self.TITLES[key]), self) for key in self.KEYS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        for number, card in enumerate(self.cards.values()):
            grid.addWidget(card, number // PER_ROW, number % PER_ROW)

    def show_board(self, board: Dashboard) -> None:
        jobs, cards = board.jobs.jobs, self.cards
        places = board.jobs.by_place
        for key in ("created", "stabilised"):
            urban, rural = (getattr(places.get(p, JobCounts()), key) for p in ("urban", "rural"))
            cards[key].show_figure(format_amount(getattr(jobs, key)), tr(
                "{urban} urban, {rural} rural", urban=format_amount(urban),
                rural=format_amount(rural)))
        percent = board.commitment_percent
        cards["commitment"].show_figure(
            "—" if percent is None else tr("{percent}%", percent=to_persian_digits(percent)),
            tr("No commitment set") if board.commitment is None else
            tr("{jobs} of {commitment} jobs", jobs=format_amount(jobs.total),
               commitment=format_amount(board.commitment)))
        cases = sum(p.cases for p in board.payments.values())
        cards["loans"].show_figure(rials_short(board.paid),
                                   tr("{cases} payments", cases=format_amount(cases)))
        cards["solar"].show_figure(rials_short(board.solar.paid), tr(
            "{people} beneficiaries", people=format_amount(board.solar.beneficiaries)))
        cards["community"].show_figure(format_amount(board.community.people), tr(
            "{heads} female heads of household",
            heads=format_amount(board.community.female_heads)))
        groups = tr("{groups} groups", groups=format_amount(board.micro_finance.groups))
        cards["savings"].show_figure(rials_short(board.micro_finance.savings), groups)
        cards["outstanding"].show_figure(rials_short(board.micro_finance.loans_outstanding),
                                         groups)
        cards["overdue"].show_figure(format_amount(board.overdue_visits), tr("Today"))
        cards["caseload"].show_figure(
            format_amount(sum(c.open_cases for c in board.caseloads)),
            tr("{people} facilitators", people=format_amount(
                sum(1 for c in board.caseloads if c.facilitator_id is not None))))
