"""Every label and message in English and Vietnamese, in one table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

LANGS = ("en", "vi")

# key: (English, Vietnamese)
MESSAGES: dict[str, tuple[str, str]] = {
    # the due-date calculator and its explanation
    "limit": ("Time limit", "Thời hạn"),
    "received_at": ("Received", "Tiếp nhận"),
    "effective_receipt": ("Counted from", "Tính từ"),
    "due_at": ("Appointment", "Hẹn trả"),
    "due_date": ("Due date", "Ngày hẹn trả"),
    "provisional": (
        "provisional: holidays of {year} are not yet confirmed by the government",
        "tạm tính: lịch nghỉ năm {year} chưa được Chính phủ công bố",
    ),
    "x_received": ("received at {at}", "tiếp nhận lúc {at}"),
    "x_after_hours": ("after closing time ({closing})", "sau giờ làm việc ({closing})"),
    "x_between_sessions": (
        "received at {at}, outside office hours",
        "tiếp nhận lúc {at}, ngoài giờ làm việc",
    ),
    "x_effective": (
        "deemed received at {at} (next working session)",
        "coi như tiếp nhận lúc {at} (phiên làm việc kế tiếp)",
    ),
    "x_before_cutoff": (
        "received by the {cutoff} cut-off: due the same day",
        "tiếp nhận trước {cutoff}: trả trong ngày",
    ),
    "x_after_cutoff": (
        "received after the {cutoff} cut-off: due the next working day",
        "tiếp nhận sau {cutoff}: trả vào ngày làm việc tiếp theo",
    ),
    "x_not_counted": ("day of receipt, not counted", "ngày tiếp nhận, không tính"),
    "x_counted": ("working day {k}", "ngày làm việc thứ {k}"),
    "x_next_working": ("next working day", "ngày làm việc tiếp theo"),
    "x_saturday": ("Saturday, skipped", "thứ Bảy, không tính"),
    "x_sunday": ("Sunday, skipped", "Chủ nhật, không tính"),
    "x_holiday": ("{name}, skipped", "{name}, không tính"),
    "x_center_off": ("center's day off ({name}), skipped", "ngày nghỉ của trung tâm ({name}), không tính"),
    "x_makeup": (
        "make-up working Saturday, counted as working day {k}",
        "thứ Bảy làm bù, tính là ngày làm việc thứ {k}",
    ),
    "x_center_work": (
        "center's extra working day ({name}), working day {k}",
        "ngày làm việc bổ sung của trung tâm ({name}), ngày làm việc thứ {k}",
    ),
    "x_calendar_days": ("{n} calendar days from {from}", "{n} ngày kể từ {from}"),
    "x_hours": ("{h} working hours counted", "tính {h} giờ làm việc"),
    "x_due": ("due at {at}", "hẹn trả lúc {at}"),
    # calendar
    "day": ("Day", "Ngày"),
    "weekday": ("Weekday", "Thứ"),
    "kind": ("Kind", "Loại"),
    "name": ("Name", "Tên"),
    "source": ("Source", "Nguồn"),
    "kind_off": ("day off", "ngày nghỉ"),
    "kind_work": ("make-up working day", "ngày làm bù"),
    "source_package": ("national (holidays package)", "quốc gia (gói holidays)"),
    "source_center": ("this center", "trung tâm"),
    "calendar_title": ("Days off and make-up working days, {year}", "Ngày nghỉ và ngày làm bù năm {year}"),
    "calendar_added": ("{day}: {kind} added", "{day}: đã thêm {kind}"),
    "calendar_removed": ("{day}: center override removed", "{day}: đã xoá ngày điều chỉnh của trung tâm"),
    "calendar_recomputed": (
        "{n} open dossier(s) got a new due date",
        "{n} hồ sơ đang giải quyết được tính lại ngày hẹn",
    ),
    # settings and the database
    "initialised": ("Database ready: {path}", "Đã sẵn sàng cơ sở dữ liệu: {path}"),
    "already_initialised": ("Database already initialised: {path}", "Cơ sở dữ liệu đã có sẵn: {path}"),
    "setting": ("Setting", "Thiết lập"),
    "value": ("Value", "Giá trị"),
    "set_done": ("{key} = {value}", "{key} = {value}"),
    # dossiers
    "code": ("Code", "Mã hồ sơ"),
    "procedure": ("Procedure", "Thủ tục"),
    "field": ("Field", "Lĩnh vực"),
    "applicant": ("Applicant", "Người nộp"),
    "channel": ("Channel", "Hình thức"),
    "point": ("Point", "Điểm tiếp nhận"),
    "officer": ("Officer", "Cán bộ"),
    "status": ("Status", "Trạng thái"),
    "timeliness": ("Timeliness", "Kết quả đúng hạn"),
    "id_number": ("ID number", "Số CCCD"),
    "phone": ("Phone", "Điện thoại"),
    "address": ("Address", "Địa chỉ"),
    "note": ("Note", "Ghi chú"),
    "fee": ("Fee", "Lệ phí"),
    "alias": ("Alias", "Viết tắt"),
    "apology": ("Apology", "Thư xin lỗi"),
    "new_date": ("new date {date}", "hẹn lại ngày {date}"),
    "outcome": ("Outcome", "Kết quả"),
    "resolved_at": ("Resolved", "Giải quyết xong"),
    "returned_at": ("Returned", "Trả kết quả"),
    "withdrawn_at": ("Withdrawn", "Rút hồ sơ"),
    "paused_since": ("Waiting for papers since", "Chờ bổ sung từ"),
    "timeline": ("Timeline", "Quá trình xử lý"),
    "when": ("When", "Thời điểm"),
    "recorded": ("Recorded", "Ghi nhận lúc"),
    "actor": ("By", "Người thực hiện"),
    "step": ("Step", "Bước"),
    "details": ("Details", "Chi tiết"),
    "none_found": ("No dossiers match.", "Không có hồ sơ phù hợp."),
    "morning_title": (
        "Overdue, due today and within two working days",
        "Quá hạn, đến hạn hôm nay và trong hai ngày làm việc",
    ),
    "received_ok": (
        "Received {code} · {procedure} · due {due}",
        "Đã tiếp nhận {code} · {procedure} · hẹn trả {due}",
    ),
    "limit_overridden": (
        "time limit {limit} instead of the catalog's {catalog} (recorded)",
        "thời hạn {limit} thay cho {catalog} của danh mục (đã ghi nhận)",
    ),
    "step_ok": ("{code}: {step} recorded · {status}", "{code}: đã ghi nhận {step} · {status}"),
    "due_now": ("due {due}", "hẹn trả {due}"),
    "apology_late": (
        "warning: an apology should be issued at least one working day before the due date",
        "lưu ý: thư xin lỗi cần gửi chậm nhất trước một ngày làm việc so với ngày hẹn trả",
    ),
    "undone": ("{code}: {step} undone", "{code}: đã hoàn tác {step}"),
    "receipt_undone": (
        "{code}: receipt undone; the code will not be given again",
        "{code}: đã huỷ tiếp nhận; mã này không cấp lại",
    ),
    "edited": ("{code}: details corrected", "{code}: đã sửa thông tin"),
    "added": ("Added {what}", "Đã thêm {what}"),
    "imported_procedures": (
        "Procedures: {added} added, {updated} updated",
        "Thủ tục: thêm {added}, cập nhật {updated}",
    ),
    "unknown_columns": ("warning: ignored unknown column(s): {cols}", "lưu ý: bỏ qua cột không rõ: {cols}"),
    # the manager's reports
    "col_key": ("Group", "Nhóm"),
    "h_carried_over": ("Carried", "Kỳ trước"),
    "h_received": ("Received", "Tiếp nhận"),
    "h_direct": ("Direct", "Trực tiếp"),
    "h_online": ("Online", "Trực tuyến"),
    "h_postal": ("Postal", "Bưu chính"),
    "h_resolved_total": ("Resolved", "Đã GQ"),
    "h_early": ("Early", "Trước hạn"),
    "h_on_time": ("On time", "Đúng hạn"),
    "h_late": ("Late", "Quá hạn"),
    "h_withdrawn_total": ("Withdrawn", "Rút"),
    "h_pending": ("Pending", "Đang GQ"),
    "h_pending_not_due": ("Not due", "Trong hạn"),
    "h_pending_overdue": ("Overdue", "Quá hạn"),
    "h_paused": ("Paused", "Chờ BS"),
    "h_rate": ("Rate (on time/resolved)", "Tỷ lệ (đúng hạn/đã GQ)"),
    "col_month": ("Month", "Tháng"),
    "carried_over": ("Carried over", "Kỳ trước chuyển qua"),
    "received": ("Received", "Tiếp nhận"),
    "resolved_total": ("Resolved", "Đã giải quyết"),
    "withdrawn_total": ("Withdrawn", "Rút"),
    "pending": ("Pending", "Đang giải quyết"),
    "pending_not_due": ("not due", "trong hạn"),
    "pending_overdue": ("overdue", "quá hạn"),
    "on_time_rate": ("On time", "Đúng hạn"),
    "total": ("Total", "Tổng"),
    "none_key": ("(none)", "(không có)"),
    "summary_title": ("{center} — {start} to {end}", "{center} — từ {start} đến {end}"),
    "rate_line": (
        "Returned early or on time: {rate} ({good} of {resolved} resolved)",
        "Trả trước hạn và đúng hạn: {rate} ({good}/{resolved} hồ sơ đã giải quyết)",
    ),
    "snapshot_note": ("pending counted at {at}", "hồ sơ tồn tính đến {at}"),
    "chart_title": (
        "Dossiers received and on-time rate by month",
        "Số hồ sơ tiếp nhận và tỷ lệ đúng hạn theo tháng",
    ),
    "written": ("Written {path}", "Đã ghi {path}"),
    "exported": ("Exported {n} dossier(s) to {path}", "Đã xuất {n} hồ sơ ra {path}"),
    "imported": ("Imported {n} dossier(s) from {path}", "Đã nhập {n} hồ sơ từ {path}"),
    "dry_run": (
        "Dry run: {n} dossier(s) in {path} are good; nothing was written",
        "Chạy thử: {n} hồ sơ trong {path} hợp lệ; chưa ghi gì",
    ),
    "new_officers": ("new officers registered: {names}", "cán bộ mới được đăng ký: {names}"),
    "new_points": ("new reception points registered: {names}", "điểm tiếp nhận mới được đăng ký: {names}"),
    "demo_built": (
        "Synthetic demo center built in {path} (made-up data; your own database was not touched).",
        "Đã tạo trung tâm mô phỏng tại {path} (dữ liệu giả lập; cơ sở dữ liệu của bạn không bị động đến).",
    ),
    "demo_next": (
        "Explore it: tthc --db {path} list --overdue · summary --by month --chart · report",
        "Xem thêm: tthc --db {path} list --overdue · summary --by month --chart · report",
    ),
    # statuses, channels, timeliness, steps
    "processing": ("processing", "đang giải quyết"),
    "paused": ("waiting for papers", "chờ bổ sung"),
    "resolved": ("resolved", "đã giải quyết"),
    "returned": ("returned", "đã trả kết quả"),
    "withdrawn": ("withdrawn", "đã rút"),
    "direct": ("direct", "trực tiếp"),
    "online": ("online", "trực tuyến"),
    "postal": ("postal", "bưu chính"),
    "early": ("early", "trước hạn"),
    "on_time": ("on time", "đúng hạn"),
    "late": ("late", "quá hạn"),
    "approved": ("approved", "chấp thuận"),
    "rejected": ("rejected", "từ chối"),
    "s_receive": ("receive", "tiếp nhận"),
    "s_handover": ("handover", "chuyển xử lý"),
    "s_supplement": ("supplement request", "yêu cầu bổ sung"),
    "s_resume": ("resume", "nhận đủ hồ sơ bổ sung"),
    "s_resolve": ("resolve", "giải quyết xong"),
    "s_return": ("return", "trả kết quả"),
    "s_withdraw": ("withdraw", "rút hồ sơ"),
    "s_apologize": ("apology", "xin lỗi, hẹn lại"),
    "s_edit": ("edit", "sửa thông tin"),
    "s_undo": ("undo", "hoàn tác"),
    "s_due.recompute": ("due date recomputed", "tính lại ngày hẹn"),
}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"),
}


def t(lang: str, msg: str, /, **args: object) -> str:
    """The message ``msg`` in ``lang`` with ``{placeholders}`` filled."""
    en, vi = MESSAGES[msg]
    text = vi if lang == "vi" else en
    return text.format(**args) if args else text


def label(lang: str, value: str | None) -> str:
    """A status, channel, outcome or step in ``lang``; unknown values are shown as they are."""
    if value is None:
        return ""
    return t(lang, value) if value in MESSAGES else value


def step_label(lang: str, step: str) -> str:
    key = f"s_{step}"
    return t(lang, key) if key in MESSAGES else step


def fmt_day(lang: str, day: date) -> str:
    """``Tue 09/09/2025`` / ``Thứ Ba 09/09/2025``: day-first in both languages."""
    return f"{WEEKDAYS[lang if lang in LANGS else 'en'][day.weekday()]} {day.strftime('%d/%m/%Y')}"


def fmt_rate(lang: str, rate: Decimal | float | None) -> str:
    """``98.28%`` in English, ``98,28%`` in Vietnamese; ``—`` when there is no rate."""
    if rate is None:
        return "—"
    text = f"{Decimal(str(rate)):.2f}%"
    return text.replace(".", ",") if lang == "vi" else text
