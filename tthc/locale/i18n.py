"""Every label and message in English and Vietnamese, in one table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

LANGS = ("en", "vi")
#: How people name the two languages: vn is what many type for Vietnamese.
LANG_WORDS = {"vi": "vi", "vn": "vi", "en": "en"}

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
    "x_supplement": (
        "papers requested at {at}: the clock stops",
        "yêu cầu bổ sung lúc {at}: dừng tính thời gian",
    ),
    "x_resume_restart": (
        "papers complete at {at}: the whole time limit counts again",
        "nhận đủ hồ sơ lúc {at}: tính lại toàn bộ thời hạn",
    ),
    "x_resume_freeze": (
        "papers complete at {at}: the time left counts again",
        "nhận đủ hồ sơ lúc {at}: tính tiếp thời gian còn lại",
    ),
    "x_before_cutoff_stored": (
        "received before the cut-off: due the same day",
        "tiếp nhận trước giờ chốt: trả trong ngày",
    ),
    "x_after_cutoff_stored": (
        "received after the cut-off: due the next working day",
        "tiếp nhận sau giờ chốt: trả vào ngày làm việc tiếp theo",
    ),
    "x_given": (
        "due date given by the imported record: {at}",
        "ngày hẹn trả theo hồ sơ chuyển sang: {at}",
    ),
    "x_resume_given": (
        "papers complete at {at}: due date given by the imported record",
        "nhận đủ hồ sơ lúc {at}: ngày hẹn trả theo hồ sơ chuyển sang",
    ),
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
    "meaning": ("Meaning", "Ý nghĩa"),
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
    "h_received_direct": ("Direct", "Trực tiếp"),
    "h_received_online": ("Online", "Trực tuyến"),
    "h_received_postal": ("Postal", "Bưu chính"),
    "h_resolved": ("Resolved", "Đã GQ"),
    "h_early": ("Early", "Trước hạn"),
    "h_on_time": ("On time", "Đúng hạn"),
    "h_late": ("Late", "Quá hạn"),
    "h_withdrawn": ("Withdrawn", "Rút"),
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
    "backed_up": ("Backup written to {path}", "Đã sao lưu vào {path}"),
    "restored": (
        "Restored from {src}; the previous database is kept as {kept}",
        "Đã khôi phục từ {src}; cơ sở dữ liệu trước đó được giữ tại {kept}",
    ),
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
    # refusals (tthc.core.errors.TthcError keys) and the words they name
    "w_procedure_name": ("the procedure name", "Tên thủ tục"),
    "w_field": ("the field", "Lĩnh vực"),
    "w_officer_name": ("the officer's name", "Tên cán bộ"),
    "w_point_name": ("the point's name", "Tên điểm tiếp nhận"),
    "w_applicant": ("the applicant's name", "Tên người nộp"),
    "w_reason": ("the reason", "Lý do"),
    "w_officer": ("officer", "cán bộ"),
    "w_point": ("reception point", "điểm tiếp nhận"),
    "w_none_yet": ("none yet", "chưa có"),
    "w_or": ("{a} or {b}", "{a} hoặc {b}"),
    "w_a_working_day": ("a working day", "ngày làm việc"),
    "w_a_day_off": ("a day off", "ngày nghỉ"),
    "e_limit_syntax": (
        "bad time limit {text!r}: expected same-day, <N>wd, <N>d or <N>h (e.g. 5wd, 15d, 8h, '5 ngày làm việc')",
        "thời hạn không hợp lệ {text!r}: dùng same-day, <N>wd, <N>d hoặc <N>h (ví dụ 5wd, 15d, 8h, '5 ngày làm việc')",
    ),
    "e_limit_unit": (
        "bad time limit {text!r}: unknown unit {unit!r}",
        "thời hạn không hợp lệ {text!r}: không rõ đơn vị {unit!r}",
    ),
    "e_limit_positive": (
        "bad time limit {text!r}: the number must be positive",
        "thời hạn không hợp lệ {text!r}: số phải lớn hơn 0",
    ),
    "e_limit_cap": ("bad time limit {text!r}: at most {cap}", "thời hạn không hợp lệ {text!r}: tối đa {cap}"),
    "e_date_no_day": ("bad date {text!r}: no such day", "ngày không hợp lệ {text!r}: không có ngày này"),
    "e_date_no_time": (
        "bad date {text!r}: no such time of day",
        "ngày không hợp lệ {text!r}: không có giờ này",
    ),
    "e_date_format": (
        "bad date {text!r}: use YYYY-MM-DD[ HH:MM] or DD/MM/YYYY[ HH:MM], 'now' or 'today'",
        "ngày không hợp lệ {text!r}: dùng YYYY-MM-DD[ HH:MM] hoặc DD/MM/YYYY[ HH:MM], 'now' hoặc 'today'",
    ),
    "e_date_no_time_wanted": (
        "bad date {text!r}: expected a day without a time",
        "ngày không hợp lệ {text!r}: chỉ ghi ngày, không ghi giờ",
    ),
    "e_setting_hm": (
        "bad value {text!r} for {key}: expected HH:MM, e.g. 15:00",
        "giá trị {text!r} không hợp lệ cho {key}: dùng HH:MM, ví dụ 15:00",
    ),
    "e_setting_sessions": (
        "bad value {text!r} for office_hours: expected HH:MM-HH:MM[,HH:MM-HH:MM…]",
        "giá trị {text!r} không hợp lệ cho office_hours: dùng HH:MM-HH:MM[,HH:MM-HH:MM…]",
    ),
    "e_setting_session_order": (
        "bad value {text!r} for office_hours: {part} ends before it starts",
        "giá trị {text!r} không hợp lệ cho office_hours: phiên {part} kết thúc trước khi bắt đầu",
    ),
    "e_setting_overlap": (
        "bad value {text!r} for office_hours: sessions overlap or are out of order",
        "giá trị {text!r} không hợp lệ cho office_hours: các phiên chồng nhau hoặc sai thứ tự",
    ),
    "e_setting_choice": (
        "bad value {text!r} for {key}: expected one of {choices}",
        "giá trị {text!r} không hợp lệ cho {key}: chọn một trong {choices}",
    ),
    "e_setting_int": (
        "bad value {text!r} for {key}: expected a whole number",
        "giá trị {text!r} không hợp lệ cho {key}: cần một số nguyên",
    ),
    "e_setting_range": (
        "bad value {text!r} for {key}: expected {lo}–{hi}",
        "giá trị {text!r} không hợp lệ cho {key}: trong khoảng {lo}–{hi}",
    ),
    "e_setting_empty": (
        "bad value {text!r} for {key}: must not be empty",
        "giá trị {text!r} không hợp lệ cho {key}: không được để trống",
    ),
    "e_setting_not_text": (
        "bad value {value!r} for {key}: expected text",
        "giá trị {value!r} không hợp lệ cho {key}: cần văn bản",
    ),
    "e_setting_not_hashed": ("{key} is not stored hashed", "{key} không được lưu ở dạng đã băm"),
    "e_setting_stored": (
        "the database holds a bad setting: {reason}; set it again with `tthc config set {key} …`",
        "cơ sở dữ liệu có thiết lập không hợp lệ: {reason}; hãy đặt lại bằng `tthc config set {key} …`",
    ),
    "e_setting_unknown": (
        "unknown setting {key!r}; known: {known}",
        "không có thiết lập {key!r}; các thiết lập: {known}",
    ),
    "e_unit_code": (
        "bad unit code {text!r}: letters, digits and dots only (e.g. 000.00.20.H56)",
        "mã đơn vị không hợp lệ {text!r}: chỉ gồm chữ, số và dấu chấm (ví dụ 000.00.20.H56)",
    ),
    "e_not_tthc": (
        "{path} is not a tthc database; it was left untouched",
        "{path} không phải cơ sở dữ liệu tthc; tệp được giữ nguyên",
    ),
    "e_no_db": (
        "no tthc database at {path}; run `tthc init` first",
        "chưa có cơ sở dữ liệu tthc tại {path}; hãy chạy `tthc init` trước",
    ),
    "e_empty_db": (
        "{path} is empty, not a tthc database; run `tthc init` first",
        "{path} là tệp rỗng, chưa phải cơ sở dữ liệu tthc; hãy chạy `tthc init` trước",
    ),
    "e_newer_db": (
        "{path} was written by a newer tthc (schema {version}); upgrade tthc",
        "{path} do phiên bản tthc mới hơn ghi (lược đồ {version}); hãy nâng cấp tthc",
    ),
    "e_busy": (
        "the database {path} stayed busy for 30 s; try again",
        "cơ sở dữ liệu {path} bận quá 30 giây; hãy thử lại",
    ),
    "e_empty": ("{what} must not be empty", "{what} không được để trống"),
    "e_fee": (
        "bad fee {value!r}: expected a whole number of đồng",
        "lệ phí không hợp lệ {value!r}: cần số nguyên (đồng)",
    ),
    "e_proc_code": (
        "bad procedure code {code!r}: e.g. 1.001193",
        "mã thủ tục không hợp lệ {code!r}: ví dụ 1.001193",
    ),
    "e_alias": (
        "bad alias {alias!r}: letters, digits, - and _ only",
        "tên viết tắt không hợp lệ {alias!r}: chỉ gồm chữ, số, - và _",
    ),
    "e_alias_taken": (
        "alias {alias!r} is already used by procedure {code}",
        "tên viết tắt {alias!r} đã dùng cho thủ tục {code}",
    ),
    "e_proc_exists": (
        "procedure {code} already exists (use `tthc procedure edit`)",
        "thủ tục {code} đã có (dùng `tthc procedure edit`)",
    ),
    "e_proc_unknown": (
        "unknown procedure {code!r} (see `tthc procedure list`)",
        "không có thủ tục {code!r} (xem `tthc procedure list`)",
    ),
    "e_proc_ambiguous": (
        "{name!r} is the name of several procedures ({codes}): give the code",
        "{name!r} là tên của nhiều thủ tục ({codes}): hãy ghi mã thủ tục",
    ),
    "e_proc_nothing": (
        "nothing to change: give --name, --field, --limit, --alias or --fee",
        "không có gì để sửa: hãy cho --name, --field, --limit, --alias hoặc --fee",
    ),
    "e_name_taken": (
        "{kind} {name!r} is already registered as {existing!r}",
        "{kind} {name!r} đã được đăng ký là {existing!r}",
    ),
    "e_name_unknown": (
        "unknown {kind} {name!r}; registered: {known} (add with `tthc {cmd} add`)",
        "không có {kind} {name!r}; đã đăng ký: {known} (thêm bằng `tthc {cmd} add`)",
    ),
    "e_prefix_points": ("--prefix applies to reception points only", "--prefix chỉ dùng cho điểm tiếp nhận"),
    "e_dossier_unknown": ("unknown dossier code {code!r}", "không có hồ sơ mã {code!r}"),
    "e_id_number": (
        "bad ID number {value!r}: a citizen ID (CCCD) has 12 digits",
        "số CCCD không hợp lệ {value!r}: CCCD có 12 chữ số",
    ),
    "e_phone": ("bad phone number {value!r}", "số điện thoại không hợp lệ {value!r}"),
    "e_future": (
        "{text!r} is in the future (now is {now:%d/%m/%Y %H:%M})",
        "{text!r} là thời điểm trong tương lai (bây giờ là {now:%d/%m/%Y %H:%M})",
    ),
    "e_transition": (
        "cannot record {step} for dossier {code}: it is {status} ({step} needs {allowed})",
        "không thể ghi nhận “{step}” cho hồ sơ {code}: trạng thái hiện tại là “{status}” (“{step}” chỉ khi hồ sơ {allowed})",
    ),
    "e_step_order": (
        "{step} at {at:%d/%m/%Y %H:%M} is before the dossier's previous step ({last:%d/%m/%Y %H:%M})",
        "{step} lúc {at:%d/%m/%Y %H:%M} sớm hơn bước trước của hồ sơ ({last:%d/%m/%Y %H:%M})",
    ),
    "e_channel": (
        "bad channel {value!r}: expected direct, online or postal",
        "hình thức không hợp lệ {value!r}: chọn direct, online hoặc postal",
    ),
    "e_dossier_code": ("bad dossier code {code!r}", "mã hồ sơ không hợp lệ {code!r}"),
    "e_code_used": ("dossier code {code!r} is already used", "mã hồ sơ {code!r} đã được dùng"),
    "e_code_used_case": (
        "dossier code {code!r} is already used as {used!r}: codes that differ only in letter case are one code",
        "mã hồ sơ {code!r} đã được dùng dưới dạng {used!r}: mã chỉ khác chữ hoa, chữ thường là cùng một mã",
    ),
    "e_code_day": (
        "dossier code {code!r} carries the day {day}, but the dossier is received on {received:%d/%m/%Y}: "
        "a code <unit code>-YYMMDD-NNNN carries its day of receipt ({expected})",
        "mã hồ sơ {code!r} mang ngày {day} nhưng hồ sơ được tiếp nhận ngày {received:%d/%m/%Y}: "
        "mã dạng <mã đơn vị>-YYMMDD-NNNN phải mang ngày tiếp nhận ({expected})",
    ),
    "e_code_overflow": (
        "more than 9999 dossiers on {day:%d/%m/%Y} under {prefix}: give a code",
        "quá 9999 hồ sơ trong ngày {day:%d/%m/%Y} với mã đơn vị {prefix}: hãy ghi mã hồ sơ",
    ),
    "e_outcome": (
        "bad outcome {value!r}: expected approved or rejected",
        "kết quả không hợp lệ {value!r}: chọn approved hoặc rejected",
    ),
    "e_apology_twice": (
        "dossier {code} already has an apology (issued {at:%d/%m/%Y %H:%M})",
        "hồ sơ {code} đã có thư xin lỗi (lập lúc {at:%d/%m/%Y %H:%M})",
    ),
    "e_apology_day_off": (
        "the new date {new:%d/%m/%Y} is not a working day ({why}); the next working day is {next:%d/%m/%Y}",
        "ngày hẹn mới {new:%d/%m/%Y} không phải ngày làm việc ({why}); ngày làm việc tiếp theo là {next:%d/%m/%Y}",
    ),
    "w_saturday": ("Saturday", "thứ Bảy"),
    "w_sunday": ("Sunday", "Chủ nhật"),
    "w_center_day_off": ("the center's day off", "ngày nghỉ của trung tâm"),
    "w_center_day_off_named": ("the center's day off: {name}", "ngày nghỉ của trung tâm: {name}"),
    "e_apology_date": (
        "the new date {new:%d/%m/%Y} must be after the due date {due:%d/%m/%Y}",
        "ngày hẹn mới {new:%d/%m/%Y} phải sau ngày hẹn trả {due:%d/%m/%Y}",
    ),
    "e_apology_date_paused": (
        "the new date {new:%d/%m/%Y} must be after the apology",
        "ngày hẹn mới {new:%d/%m/%Y} phải sau ngày lập thư xin lỗi",
    ),
    "e_edit_nothing": (
        "nothing to change: give --applicant, --phone, --address, --point, --officer, --note or --id-number",
        "không có gì để sửa: hãy cho --applicant, --phone, --address, --point, --officer, --note hoặc --id-number",
    ),
    "e_undo_nothing": ("dossier {code} has nothing to undo", "hồ sơ {code} không còn bước nào để hoàn tác"),
    "e_due_within": (
        "bad --due-within {n}: expected 0 to {most} working days",
        "--due-within {n} không hợp lệ: từ 0 đến {most} ngày làm việc",
    ),
    "e_list_limit": (
        "bad --limit {n}: expected 1 to {most}",
        "--limit {n} không hợp lệ: từ 1 đến {most}",
    ),
    "e_csv_row": (
        "{path}: row {number} cannot be read ({reason})",
        "{path}: không đọc được dòng {number} ({reason})",
    ),
    "e_date_range": (
        "bad date {text!r}: the year must lie between {lo} and {hi}",
        "ngày không hợp lệ {text!r}: năm phải trong khoảng {lo}–{hi}",
    ),
    "e_control_chars": (
        "{text!r} holds control characters; type plain text",
        "{text!r} có ký tự điều khiển; hãy gõ văn bản thường",
    ),
    "e_search_empty": (
        "nothing to search for in {text!r}: type letters or digits of a name, code, phone or ID",
        "không có gì để tìm trong {text!r}: hãy gõ chữ hoặc số của tên, mã, điện thoại hay CCCD",
    ),
    "e_table_suffix": ("{path}: expected a .csv or .xlsx file", "{path}: cần tệp .csv hoặc .xlsx"),
    "e_export_suffix": (
        "{path}: expected a .csv, .xlsx or .json file name",
        "{path}: cần tên tệp .csv, .xlsx hoặc .json",
    ),
    "e_write": ("cannot write {path}: {reason}", "không ghi được {path}: {reason}"),
    "e_form_xlsx": (
        "{path}: the official form is written as .xlsx",
        "{path}: biểu mẫu chính thức được ghi ra tệp .xlsx",
    ),
    "e_dup_column": (
        "{path}: column {key!r} appears twice in the header",
        "{path}: cột {key!r} xuất hiện hai lần ở dòng tiêu đề",
    ),
    "e_missing_columns": (
        "{path}: missing column(s) {cols} in the header",
        "{path}: thiếu cột {cols} ở dòng tiêu đề",
    ),
    "e_no_file": ("no such file: {path}", "không có tệp: {path}"),
    "e_not_utf8": (
        "{path}: not UTF-8 text (save it as 'CSV UTF-8' in Excel)",
        "{path}: không phải văn bản UTF-8 (trong Excel hãy lưu dạng 'CSV UTF-8')",
    ),
    "e_row_not_utf8": (
        "{path}: row {number} is not UTF-8 text (wrong encoding)",
        "{path}: dòng {number} không phải văn bản UTF-8 (sai bảng mã)",
    ),
    "e_xlsx": ("{path}: not a readable .xlsx file ({reason})", "{path}: không đọc được tệp .xlsx ({reason})"),
    "e_empty_file": ("{path}: the file is empty", "{path}: tệp rỗng"),
    "e_empty_sheet": ("{path}: the first sheet is empty", "{path}: trang tính đầu tiên trống"),
    "e_bad_rows": ("{count} bad rows in {path}", "{count} dòng lỗi trong {path}"),
    "e_row": ("row {number}: {reason}", "dòng {number}: {reason}"),
    "e_more_rows": ("… and {n} more", "… và {n} dòng khác"),
    "r_field": ("{what}: {reason}", "{what}: {reason}"),
    "r_real_dates": (
        "{what}: {text!r} is not a date; a file needs real dates",
        "{what}: {text!r} không phải ngày; tệp phải ghi ngày cụ thể",
    ),
    "r_no_received": ("received_at is empty", "thiếu ngày tiếp nhận (received_at)"),
    "r_future": (
        "{what} {at:%d/%m/%Y %H:%M} is in the future",
        "{what} {at:%d/%m/%Y %H:%M} là thời điểm trong tương lai",
    ),
    "r_transition": (
        "{what} is given, but by then the dossier is {status} ({step} needs {allowed})",
        "có {what}, nhưng lúc đó hồ sơ đang ở trạng thái “{status}” (“{step}” chỉ khi hồ sơ {allowed})",
    ),
    "r_step_order": (
        "{what} {at:%d/%m/%Y %H:%M} is before the dossier's previous step ({last:%d/%m/%Y %H:%M})",
        "{what} {at:%d/%m/%Y %H:%M} sớm hơn bước trước của hồ sơ ({last:%d/%m/%Y %H:%M})",
    ),
    "r_duplicate": (
        "duplicate code {code} (already in the database or earlier in the file)",
        "trùng mã {code} (đã có trong cơ sở dữ liệu hoặc ở dòng trước)",
    ),
    "r_repeat": ("code {code} repeats row {first}", "mã {code} trùng với dòng {first}"),
    "e_period_choose": ("choose one period: {given}", "chỉ chọn một kỳ: {given}"),
    "e_month": (
        "bad month {text!r}: expected e.g. 2025-07, 7/2025 or 07/2025",
        "tháng không hợp lệ {text!r}: ví dụ 2025-07, 7/2025 hoặc 07/2025",
    ),
    "e_quarter": (
        "bad quarter {text!r}: expected e.g. 2025-Q3, Q3/2025 or 3/2025",
        "quý không hợp lệ {text!r}: ví dụ 2025-Q3, Q3/2025 hoặc 3/2025",
    ),
    "e_year": ("bad year {text!r}: expected e.g. 2025", "năm không hợp lệ {text!r}: ví dụ 2025"),
    "e_from_to_both": ("give both --from and --to", "hãy cho cả --from và --to"),
    "e_to_before_from": ("--to {end!r} is before --from {start!r}", "--to {end!r} sớm hơn --from {start!r}"),
    "e_neither": (
        "{text!r} is neither a time limit nor a procedure's code, alias or name",
        "{text!r} không phải thời hạn, mã thủ tục, tên viết tắt hay tên thủ tục",
    ),
    "e_no_override": (
        "{day} has no center override to remove",
        "ngày {day} không có điều chỉnh nào của trung tâm để xoá",
    ),
    "e_already": ("{day} is already {state}", "ngày {day} đã là {state}"),
    "e_by": (
        "bad --by {by!r}: expected one of {choices}",
        "--by {by!r} không hợp lệ: chọn một trong {choices}",
    ),
    "e_period_future": (
        "the period starts {day:%d/%m/%Y}, after today",
        "kỳ báo cáo bắt đầu ngày {day:%d/%m/%Y}, sau hôm nay",
    ),
    "e_demo_target": (
        "demo generation could not meet the target figures: {left}",
        "không tạo được dữ liệu mô phỏng đúng số liệu mục tiêu: {left}",
    ),
    "e_demo_clock": (
        "the demo center opens on {start:%d/%m/%Y}, and the clock says {now:%d/%m/%Y %H:%M} "
        "(TTHC_NOW): the demo writes no step later than now",
        "trung tâm mô phỏng bắt đầu từ {start:%d/%m/%Y}, đồng hồ đang là {now:%d/%m/%Y %H:%M} "
        "(TTHC_NOW): lệnh demo không ghi bước nào sau thời điểm hiện tại",
    ),
    "e_not_demo": (
        "{path} holds a database that is not a demo; the demo will not touch it",
        "{path} là cơ sở dữ liệu thật, không phải bản mô phỏng; lệnh demo không động đến nó",
    ),
    "init_would_change": (
        "{key}: {old!r} would become {new!r}",
        "{key}: {old!r} sẽ đổi thành {new!r}",
    ),
    "init_changed": ("{key}: {old!r} → {new!r}", "{key}: {old!r} → {new!r}"),
    "init_use_update": (
        "nothing was changed; run again with --update to apply",
        "chưa thay đổi gì; chạy lại với --update để áp dụng",
    ),
    "error_prefix": ("Error", "Lỗi"),
    "e_pipe": ("the output was closed before everything was written", "đầu ra bị đóng trước khi ghi xong"),
    "e_os": ("cannot use {path}: {reason}", "không dùng được {path}: {reason}"),
    "w_readonly": ("the file or its folder is read-only", "tệp hoặc thư mục chỉ cho đọc"),
    "w_cannot_open": (
        "it cannot be opened (check the folder and its permissions)",
        "không mở được (kiểm tra thư mục và quyền truy cập)",
    ),
    "w_disk_full": ("the disk is full", "ổ đĩa đã đầy"),
    "w_not_database": ("it is not a database file", "đó không phải tệp cơ sở dữ liệu"),
    "w_malformed": ("the database file is damaged", "tệp cơ sở dữ liệu bị hỏng"),
    "w_locked": ("another program holds the database", "chương trình khác đang giữ cơ sở dữ liệu"),
    "w_disk_io": ("the disk could not be read or written", "không đọc/ghi được ổ đĩa"),
    # why the machine refused, by error number (tthc.core.errors.os_reason)
    "os_enoent": ("no such file or folder", "không có tệp hoặc thư mục này"),
    "os_enotdir": (
        "a part of the path is a file, not a folder",
        "một phần của đường dẫn là tệp, không phải thư mục",
    ),
    "os_eisdir": ("it is a folder, not a file", "đây là thư mục, không phải tệp"),
    "os_eacces": ("permission denied", "không có quyền truy cập"),
    "os_efbig": ("the file is larger than the system allows", "tệp lớn hơn mức hệ thống cho phép"),
    "os_eexist": ("it already exists", "đã có sẵn"),
    "os_enametoolong": ("the name is too long", "tên quá dài"),
    "os_ebusy": ("it is in use by another program", "đang được chương trình khác sử dụng"),
    "os_emfile": ("too many files are open", "đang mở quá nhiều tệp"),
    "os_eaddrinuse": (
        "the port is already in use (another program, or tthc serve already running)",
        "cổng này đang được dùng (một chương trình khác, hoặc tthc serve đang chạy)",
    ),
    "os_eaddrnotavail": ("this machine has no such address", "máy này không có địa chỉ đó"),
    "os_unknown_host": ("no such host name", "không tìm thấy tên máy này"),
    "os_other": ("{text} ({name})", "lỗi hệ thống {name} ({text})"),
    "w_csv_cell_long": ("a cell is longer than {n} characters", "có ô dài hơn {n} ký tự"),
    "w_csv_nul": ("it holds a NUL byte: not a text file?", "có byte NUL: không phải tệp văn bản?"),
    "w_not_workbook": ("not an Excel workbook", "không phải sổ tính Excel"),
    "w_station_not_json": ("it is not a JSON object in UTF-8", "nội dung không phải đối tượng JSON (UTF-8)"),
    "e_older_db": (
        "{path} has an older schema ({version}); open it once with a clerk's command to upgrade it",
        "{path} có lược đồ cũ ({version}); hãy mở bằng một lệnh thường để nâng cấp",
    ),
    "e_due_before_receipt": (
        "due_at {at:%d/%m/%Y %H:%M} is before the receipt ({received:%d/%m/%Y %H:%M})",
        "ngày hẹn trả {at:%d/%m/%Y %H:%M} sớm hơn lúc tiếp nhận ({received:%d/%m/%Y %H:%M})",
    ),
    "e_name_ambiguous": (
        "{kind} {name!r} could be any of: {candidates}; type more of the name",
        "{kind} {name!r} trùng với nhiều người: {candidates}; hãy gõ đầy đủ hơn",
    ),
    "e_internal": (
        "internal error (a bug in tthc, not your input): {kind}: {detail}.",
        "lỗi nội bộ (lỗi của tthc, không phải do dữ liệu nhập): {kind}: {detail}.",
    ),
    "w_report_bug": (
        "Please report it; TTHC_DEBUG=1 shows the details",
        "Hãy báo lỗi; đặt TTHC_DEBUG=1 để xem chi tiết",
    ),
    # what became of the writes of a command cut short: said only as far as it is true
    "w_cut_rolled_back": (
        "The change it was writing was rolled back.",
        "Thay đổi đang ghi dở đã được huỷ bỏ.",
    ),
    "w_cut_kept": (
        "What it had saved before stays saved.",
        "Những gì lệnh đã lưu trước đó vẫn được giữ.",
    ),
    "e_interrupted": ("interrupted.", "đã dừng."),
    "e_exists": ("{path} already exists; choose a new file name", "{path} đã có; hãy chọn tên tệp khác"),
    "e_env_lang": (
        "bad TTHC_LANG {value!r}: expected vi or en",
        "TTHC_LANG {value!r} không hợp lệ: chọn vi hoặc en",
    ),
    # -- the command line: help texts (help.*) and Click's own words (click_*)
    "help.app": (
        "Dossier tracker for a commune Public Administrative Service Center.",
        "Theo dõi hồ sơ thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã.",
    ),
    "help.opt.db": (
        "Database file (else TTHC_DB, else the app directory).",
        "Tệp cơ sở dữ liệu (nếu không có: TTHC_DB, rồi thư mục ứng dụng).",
    ),
    "help.opt.lang": (
        "Output language: vi (or vn) or en (else TTHC_LANG, else the setting).",
        "Ngôn ngữ hiển thị: vi (hoặc vn) hay en (nếu không có: TTHC_LANG, rồi thiết lập của trung tâm).",
    ),
    "help.opt.user": (
        "Who is typing (else TTHC_USER, else the OS user).",
        "Người đang thao tác (nếu không có: TTHC_USER, rồi tài khoản máy).",
    ),
    "help.opt.version": ("Print the version of tthc and stop.", "In phiên bản của tthc rồi dừng."),
    "help.opt.install_completion": (
        "Install tab completion of commands, dossier codes and procedures for SHELL.",
        "Cài gợi ý bằng phím Tab (lệnh, mã hồ sơ, thủ tục) cho SHELL.",
    ),
    "help.opt.show_completion": (
        "Print the tab-completion script for SHELL, to install by hand.",
        "In đoạn mã gợi ý bằng phím Tab cho SHELL, để tự cài.",
    ),
    "completion_installed": (
        "{shell} completion installed in {path}; it works in new terminals.",
        "Đã cài gợi ý cho {shell} vào {path}; có hiệu lực ở cửa sổ dòng lệnh mới.",
    ),
    "help.opt.at": (
        "When it happened (default: now; 'today' is now too). ISO or DD/MM/YYYY [HH:MM].",
        "Thời điểm thực hiện (mặc định: bây giờ; 'today' cũng là bây giờ). Dạng ISO hoặc DD/MM/YYYY [HH:MM].",
    ),
    "help.opt.json": (
        "Print JSON.",
        "In ra JSON.",
    ),
    "help.opt.code": (
        "The dossier code (any case; the short form YYMMDD-NNNN when unique).",
        "Mã hồ sơ (chữ hoa hay thường đều được; dạng ngắn YYMMDD-NNNN nếu không trùng).",
    ),
    "help.opt.reason": (
        "Why (kept in the audit trail).",
        "Lý do (lưu trong nhật ký).",
    ),
    "help.opt.note": (
        "A note.",
        "Ghi chú.",
    ),
    "help.opt.correct_time": (
        "Knowingly change a timeline: date a step before the one it replaces, or touch a period already reported (needs --reason).",
        "Chủ động sửa quá trình xử lý: ghi bước sớm hơn bước đã hoàn tác, hoặc sửa kỳ đã báo cáo (cần --reason).",
    ),
    "help.init": (
        "Create the database; on an existing one, say what the values given would change.",
        "Tạo cơ sở dữ liệu; nếu đã có, cho biết các giá trị đưa vào sẽ thay đổi gì.",
    ),
    "help.init.center": (
        "The center's name.",
        "Tên trung tâm.",
    ),
    "help.init.prefix": (
        "Unit code for generated dossier codes.",
        "Mã đơn vị dùng để sinh mã hồ sơ.",
    ),
    "help.init.lang": (
        "The center's default language.",
        "Ngôn ngữ mặc định của trung tâm.",
    ),
    "help.init.point": (
        "Register a reception point and make this PC that point.",
        "Đăng ký điểm tiếp nhận và đặt máy này làm điểm đó.",
    ),
    "help.init.catalog": (
        "Install the starter procedure catalog.",
        "Cài danh mục thủ tục ban đầu.",
    ),
    "help.init.update": (
        "On an existing database, apply the values given.",
        "Với cơ sở dữ liệu đã có: áp dụng các giá trị đưa vào.",
    ),
    "help.due": (
        "If I take this dossier now, when is it due?",
        "Nếu tiếp nhận hồ sơ lúc này thì hẹn trả khi nào?",
    ),
    "help.due.what": (
        "e.g. 5wd, same-day, 8h, 15d, '5 ngày làm việc', or a procedure's code, alias or name.",
        "ví dụ 5wd, same-day, 8h, 15d, '5 ngày làm việc', hoặc mã, tên viết tắt hay tên của thủ tục.",
    ),
    "help.due.at": (
        "Receipt moment (default: now).",
        "Thời điểm tiếp nhận (mặc định: bây giờ).",
    ),
    "help.due.explain": (
        "Show, day by day, what was counted and skipped.",
        "Giải thích từng ngày: ngày nào được tính, ngày nào bỏ qua.",
    ),
    "help.receive": (
        "Receive a dossier and print its code and appointment.",
        "Tiếp nhận hồ sơ, in mã hồ sơ và ngày hẹn trả.",
    ),
    "help.receive.applicant": (
        "Applicant's full name (at most 200 characters).",
        "Họ tên người nộp (tối đa 200 ký tự).",
    ),
    "help.receive.channel": (
        "How it arrived.",
        "Hình thức nộp.",
    ),
    "help.receive.code": (
        "Dossier code (default: generated); never one used before, in any letter case. A code UNIT-YYMMDD-NNNN carries the day of receipt.",
        "Mã hồ sơ (mặc định: tự sinh); không trùng mã đã dùng, kể cả khác chữ hoa/thường. Mã dạng ĐƠNVỊ-YYMMDD-NNNN mang ngày tiếp nhận.",
    ),
    "help.receive.point": (
        "Reception point (any case, or a unique part of the name).",
        "Điểm tiếp nhận (không phân biệt hoa thường, hoặc một phần tên không trùng).",
    ),
    "help.receive.officer": (
        "Officer in charge (any case, or a unique given name).",
        "Cán bộ phụ trách (không phân biệt hoa thường, hoặc tên riêng không trùng).",
    ),
    "help.receive.limit": (
        "Override the procedure's time limit (audited).",
        "Thay thời hạn giải quyết của thủ tục (có ghi nhật ký).",
    ),
    "help.receive.id_number": (
        "Citizen ID (CCCD, 12 digits).",
        "Số CCCD (12 chữ số).",
    ),
    "help.receive.phone": (
        "Phone number (spaces, dots and +84 are fine).",
        "Số điện thoại (có dấu cách, dấu chấm hay +84 đều được).",
    ),
    "help.receive.address": (
        "Address (at most 300 characters).",
        "Địa chỉ (tối đa 300 ký tự).",
    ),
    "help.receive.note": (
        "A note (at most 1,000 characters).",
        "Ghi chú (tối đa 1.000 ký tự).",
    ),
    "help.handover": (
        "Hand the dossier to another officer for processing (status unchanged).",
        "Chuyển hồ sơ cho cán bộ khác xử lý (trạng thái giữ nguyên).",
    ),
    "help.handover.to": (
        "Officer taking it over.",
        "Cán bộ nhận xử lý.",
    ),
    "help.supplement": (
        "Ask the applicant for more papers: the clock stops.",
        "Yêu cầu bổ sung hồ sơ: dừng tính thời gian.",
    ),
    "help.supplement.reason": (
        "The papers asked for (required).",
        "Giấy tờ cần bổ sung (bắt buộc).",
    ),
    "help.resume": (
        "The papers are complete: the clock runs again (per supplement_policy).",
        "Đã nhận đủ hồ sơ bổ sung: tính thời gian tiếp (theo supplement_policy).",
    ),
    "help.resolve": (
        "Processing finished with a result (approved or rejected).",
        "Đã giải quyết xong, có kết quả (chấp thuận hoặc từ chối).",
    ),
    "help.resolve.outcome": (
        "approved, or rejected (từ chối giải quyết).",
        "approved (chấp thuận) hoặc rejected (từ chối giải quyết).",
    ),
    "help.return": (
        "The result was handed to the applicant.",
        "Đã trả kết quả cho người nộp.",
    ),
    "help.withdraw": (
        "The applicant withdrew the dossier.",
        "Người nộp rút hồ sơ.",
    ),
    "help.apologize": (
        "Record the written apology with one new appointment date (never changes timeliness).",
        "Ghi nhận thư xin lỗi với một ngày hẹn mới (không làm thay đổi việc đánh giá đúng hạn).",
    ),
    "help.apologize.new_date": (
        "The new appointment date.",
        "Ngày hẹn trả mới.",
    ),
    "help.show": (
        "Every fact about a dossier, its due date explained, and its timeline.",
        "Toàn bộ thông tin hồ sơ, giải thích ngày hẹn trả và quá trình xử lý.",
    ),
    "help.show.show_id": (
        "Show the full ID number.",
        "Hiện đầy đủ số CCCD.",
    ),
    "help.history": (
        "The audit trail: what happened, when, when it was recorded, by whom.",
        "Nhật ký: việc gì, lúc nào, ghi nhận lúc nào, do ai.",
    ),
    "help.list": (
        "The worklist, soonest deadline first. No filter: overdue, due today, due within 2 working days.",
        "Danh sách công việc, hạn gần nhất trước. Không lọc: quá hạn, đến hạn hôm nay và trong 2 ngày làm việc.",
    ),
    "help.opt.status": (
        "Only dossiers in this status.",
        "Chỉ hồ sơ ở trạng thái này.",
    ),
    "help.opt.field": (
        "Only this field (lĩnh vực).",
        "Chỉ lĩnh vực này.",
    ),
    "help.opt.procedure": (
        "Code, alias or full name (diacritics optional).",
        "Mã, tên viết tắt hoặc tên đầy đủ của thủ tục (có dấu hay không dấu).",
    ),
    "help.opt.point": (
        "Only this reception point.",
        "Chỉ điểm tiếp nhận này.",
    ),
    "help.opt.officer": (
        "Only this officer.",
        "Chỉ cán bộ này.",
    ),
    "help.opt.channel": (
        "Only this channel.",
        "Chỉ hình thức nộp này.",
    ),
    "help.opt.received_from": (
        "Received on or after this day.",
        "Tiếp nhận từ ngày này.",
    ),
    "help.opt.received_to": (
        "Received on or before this day.",
        "Tiếp nhận đến ngày này.",
    ),
    "help.opt.due_from": (
        "Due on or after this day.",
        "Hẹn trả từ ngày này.",
    ),
    "help.opt.due_to": (
        "Due on or before this day.",
        "Hẹn trả đến ngày này.",
    ),
    "help.opt.overdue": (
        "Open dossiers past their deadline.",
        "Hồ sơ đang giải quyết đã quá hạn.",
    ),
    "help.opt.due_within": (
        "Open dossiers due within N working days.",
        "Hồ sơ đang giải quyết đến hạn trong N ngày làm việc.",
    ),
    "help.opt.search": (
        "Name, code, phone or ID; diacritics ignored.",
        "Tên, mã, số điện thoại hoặc CCCD; không phân biệt dấu.",
    ),
    "help.list.limit": (
        "At most this many rows.",
        "Tối đa bấy nhiêu dòng.",
    ),
    "help.edit": (
        "Correct a dossier's details (audited). The timeline is changed with undo, not here.",
        "Sửa thông tin hồ sơ (có ghi nhật ký). Quá trình xử lý được sửa bằng undo, không phải ở đây.",
    ),
    "help.edit.applicant": (
        "The applicant's full name.",
        "Họ tên người nộp.",
    ),
    "help.edit.phone": (
        "The phone number.",
        "Số điện thoại.",
    ),
    "help.edit.address": (
        "The address.",
        "Địa chỉ.",
    ),
    "help.edit.point": (
        "The reception point.",
        "Điểm tiếp nhận.",
    ),
    "help.edit.officer": (
        "The officer in charge.",
        "Cán bộ phụ trách.",
    ),
    "help.edit.id_number": (
        "The citizen ID (12 digits).",
        "Số CCCD (12 chữ số).",
    ),
    "help.undo": (
        "Revert the dossier's latest life-cycle step to exactly the state before it (audited).",
        "Hoàn tác bước xử lý gần nhất của hồ sơ, trả về đúng trạng thái trước đó (có ghi nhật ký).",
    ),
    "help.undo.yes": (
        "Do not ask for confirmation.",
        "Không hỏi xác nhận.",
    ),
    "help.corrections": (
        "Every changed timeline: undone steps and corrected times, with who, when and why.",
        "Mọi lần sửa quá trình xử lý: bước bị hoàn tác và thời điểm được sửa, do ai, lúc nào, vì sao.",
    ),
    "help.opt.from": (
        "First day of the period.",
        "Ngày đầu kỳ.",
    ),
    "help.opt.to": (
        "Last day of the period.",
        "Ngày cuối kỳ.",
    ),
    "help.opt.month": (
        "A reporting month: 2025-09, 9/2025 or 09/2025.",
        "Một tháng báo cáo: 2025-09, 9/2025 hoặc 09/2025.",
    ),
    "help.opt.quarter": (
        "A quarter: 2025-Q3, Q3/2025 or 3/2025.",
        "Một quý: 2025-Q3, Q3/2025 hoặc 3/2025.",
    ),
    "help.opt.year": (
        "A year, YYYY.",
        "Một năm, YYYY.",
    ),
    "help.summary": (
        "Period summary: received, carried over, resolved early/on time/late, pending, on-time rate.",
        "Tổng hợp theo kỳ: tiếp nhận, kỳ trước chuyển qua, giải quyết trước hạn/đúng hạn/quá hạn, đang giải quyết, tỷ lệ đúng hạn.",
    ),
    "help.summary.by": (
        "Break the figures down by this key.",
        "Chia số liệu theo nhóm này.",
    ),
    "help.summary.out": (
        "Write the figures to FILE.csv or FILE.xlsx.",
        "Ghi số liệu ra tệp .csv hoặc .xlsx.",
    ),
    "help.summary.chart": (
        "Draw volume and on-time rate as bars.",
        "Vẽ biểu đồ số lượng và tỷ lệ đúng hạn.",
    ),
    "help.summary.svg": (
        "Also save it as SVG for printing (light, 120 columns).",
        "Lưu thêm dạng SVG để in (nền sáng, 120 cột).",
    ),
    "help.summary.html": (
        "Also save it as HTML for printing (light, 120 columns).",
        "Lưu thêm dạng HTML để in (nền sáng, 120 cột).",
    ),
    "help.report": (
        "The official form Biểu II.06a (Circular 01/2020/TT-VPCP), by field.",
        "Biểu mẫu II.06a (Thông tư 01/2020/TT-VPCP), theo lĩnh vực.",
    ),
    "help.report.out": (
        "Write the form to FILE.xlsx (one A4 landscape page), the late lists on a second sheet.",
        "Ghi biểu mẫu ra tệp .xlsx (một trang A4 ngang), danh sách trễ hạn ở trang tính thứ hai.",
    ),
    "help.report.close": (
        "Mark the period as reported: its dossiers' timelines change only with --correct-time.",
        "Đánh dấu kỳ đã báo cáo: quá trình xử lý của hồ sơ trong kỳ chỉ sửa được với --correct-time.",
    ),
    "help.import": (
        "Load dossiers from .csv/.xlsx (all rows or none); a given due_at is kept. A full export"
        " (.jsonl, or .xlsx with a meta sheet) is merged; into a new database it is copied whole.",
        "Nhập hồ sơ từ tệp .csv/.xlsx (tất cả các dòng hoặc không dòng nào); due_at có sẵn được giữ nguyên."
        " Tệp xuất đầy đủ (.jsonl, hoặc .xlsx có trang meta) được gộp; vào cơ sở dữ liệu mới thì sao chép nguyên vẹn.",
    ),
    "help.import.dry_run": (
        "Check every row and report; write nothing.",
        "Kiểm tra mọi dòng và báo kết quả; không ghi gì.",
    ),
    "help.export": (
        "Write dossiers to .csv (UTF-8 for Excel), .xlsx or .json, with the filters of `list`.",
        "Xuất hồ sơ ra .csv (UTF-8 cho Excel), .xlsx hoặc .json, với các bộ lọc của `list`.",
    ),
    "help.backup": (
        "Copy the whole database, consistently, to a new file DEST.",
        "Sao lưu toàn bộ cơ sở dữ liệu sang tệp mới TỆP_ĐÍCH.",
    ),
    "help.restore": (
        "Put the backup SRC in place of the database (the current one is kept beside it).",
        "Khôi phục từ bản sao lưu TỆP_NGUỒN (cơ sở dữ liệu hiện tại được giữ lại bên cạnh).",
    ),
    "help.demo": (
        "Build a synthetic center (1/7–12/9/2025, two points) and print its summary: 1,964 dossiers, 98.28%.",
        "Tạo một trung tâm mô phỏng (1/7–12/9/2025, hai điểm tiếp nhận) và in số liệu: 1.964 hồ sơ, 98,28%.",
    ),
    "help.demo.db": (
        "Where to build it (default: a file in the temp folder).",
        "Nơi tạo (mặc định: một tệp trong thư mục tạm).",
    ),
    "help.config": (
        "Show or change the center's settings.",
        "Xem hoặc thay đổi thiết lập của trung tâm.",
    ),
    "help.config.show": (
        "Every setting with its value.",
        "Mọi thiết lập và giá trị.",
    ),
    "help.config.set": (
        "Change one setting (validated).",
        "Thay đổi một thiết lập (có kiểm tra).",
    ),
    "help.calendar": (
        "The working calendar: days off and make-up working days.",
        "Lịch làm việc: ngày nghỉ và ngày làm bù.",
    ),
    "help.calendar.show": (
        "Days off and make-up working days of a year, with their source.",
        "Ngày nghỉ và ngày làm bù trong năm, kèm nguồn.",
    ),
    "help.calendar.year": (
        "The year (default: this year).",
        "Năm (mặc định: năm nay).",
    ),
    "help.calendar.add-holiday": (
        "Make DAY a day off for this center (wins over the national calendar).",
        "Đặt NGÀY là ngày nghỉ của trung tâm (ưu tiên hơn lịch quốc gia).",
    ),
    "help.calendar.add-workday": (
        "Make DAY a working day for this center (e.g. a local make-up Saturday).",
        "Đặt NGÀY là ngày làm việc của trung tâm (ví dụ thứ Bảy làm bù của địa phương).",
    ),
    "help.calendar.name": (
        "What the day is (shown in explanations).",
        "Tên ngày (hiện trong phần giải thích).",
    ),
    "help.calendar.remove": (
        "Drop this center's override of DAY; the national calendar applies again.",
        "Bỏ điều chỉnh của trung tâm cho NGÀY; áp dụng lại lịch quốc gia.",
    ),
    "help.procedure": (
        "The procedure catalog (mã TTHC, name, field, time limit).",
        "Danh mục thủ tục (mã TTHC, tên, lĩnh vực, thời hạn).",
    ),
    "help.procedure.add": (
        "Add a procedure to the catalog.",
        "Thêm thủ tục vào danh mục.",
    ),
    "help.procedure.code": (
        "National procedure code, e.g. 1.001193.",
        "Mã TTHC quốc gia, ví dụ 1.001193.",
    ),
    "help.procedure.name": (
        "Procedure name.",
        "Tên thủ tục.",
    ),
    "help.procedure.field": (
        "Field (lĩnh vực), e.g. Hộ tịch.",
        "Lĩnh vực, ví dụ Hộ tịch.",
    ),
    "help.procedure.limit": (
        "Time limit: same-day, 5wd, 15d, 8h …",
        "Thời hạn: same-day, 5wd, 15d, 8h …",
    ),
    "help.procedure.alias": (
        "Short alias usable wherever a procedure is named.",
        "Tên viết tắt, dùng được ở mọi chỗ cần tên thủ tục.",
    ),
    "help.procedure.fee": (
        "Fee in VND.",
        "Lệ phí (đồng).",
    ),
    "help.procedure.list": (
        "The catalog, by field.",
        "Danh mục thủ tục, theo lĩnh vực.",
    ),
    "help.procedure.show": (
        "One procedure (by code, alias or name).",
        "Một thủ tục (theo mã, tên viết tắt hoặc tên).",
    ),
    "help.procedure.edit": (
        "Change a procedure; due dates already issued never move.",
        "Sửa thủ tục; ngày hẹn đã cấp không thay đổi.",
    ),
    "help.procedure.edit.limit": (
        "New limit; dossiers already received keep theirs.",
        "Thời hạn mới; hồ sơ đã tiếp nhận giữ thời hạn cũ.",
    ),
    "help.procedure.import": (
        "Load procedures from .csv/.xlsx (columns code,name,field,limit[,alias,fee]); all or nothing.",
        "Nhập thủ tục từ .csv/.xlsx (các cột code,name,field,limit[,alias,fee]); tất cả hoặc không.",
    ),
    "help.officer": (
        "Registered officers (matched without regard to case or diacritics).",
        "Cán bộ đã đăng ký (so khớp không phân biệt hoa thường, có dấu hay không).",
    ),
    "help.officer.add": (
        "Register an officer.",
        "Đăng ký cán bộ.",
    ),
    "help.officer.list": (
        "Registered officers.",
        "Danh sách cán bộ.",
    ),
    "help.point": (
        "Registered reception points.",
        "Điểm tiếp nhận đã đăng ký.",
    ),
    "help.point.add": (
        "Register a reception point.",
        "Đăng ký điểm tiếp nhận.",
    ),
    "help.point.prefix": (
        "The point's own unit code for generated codes.",
        "Mã đơn vị riêng của điểm để sinh mã hồ sơ.",
    ),
    "help.point.list": (
        "Registered reception points.",
        "Danh sách điểm tiếp nhận.",
    ),
    "click_usage": (
        "Usage:",
        "Cách dùng:",
    ),
    "click_options": (
        "Options",
        "Tùy chọn",
    ),
    "click_commands": (
        "Commands",
        "Lệnh",
    ),
    "click_arguments": (
        "Arguments",
        "Đối số",
    ),
    "click_help_option": (
        "Show this message and exit.",
        "Hiện hướng dẫn này rồi thoát.",
    ),
    "click_try": (
        "Try '{cmd}' for help.",
        "Xem '{cmd}' để được hướng dẫn.",
    ),
    "click_option": (
        "option",
        "tùy chọn",
    ),
    "click_argument": (
        "argument",
        "đối số",
    ),
    "click_missing": (
        "Missing {what} {hint}.",
        "Thiếu {what} {hint}.",
    ),
    "click_no_such_option": (
        "No such option: {name}.",
        "Không có tùy chọn {name}.",
    ),
    "click_did_you_mean": (
        "Did you mean {names}?",
        "Có phải ý bạn là {names}?",
    ),
    "click_bad_value": (
        "Invalid value for {hint}: {reason}",
        "Giá trị không hợp lệ cho {hint}: {reason}",
    ),
    "click_not_one_of": (
        "'{value}' is not one of {choices}.",
        "'{value}' không thuộc {choices}.",
    ),
    "click_not_integer": (
        "'{value}' is not a valid integer.",
        "'{value}' không phải số nguyên.",
    ),
    "click_not_number": (
        "'{value}' is not a valid number.",
        "'{value}' không phải số.",
    ),
    "click_not_in_range": (
        "{value} is not in the range {range}.",
        "{value} nằm ngoài khoảng {range}.",
    ),
    "click_no_such_command": ("No such command '{name}'.", "Không có lệnh '{name}'."),
    "click_no_such_command_guess": (
        "No such command '{name}'. Did you mean '{guess}'?",
        "Không có lệnh '{name}'. Có phải ý bạn là '{guess}'?",
    ),
    "click_extra_args": (
        "Got unexpected extra argument(s) ({args})",
        "Thừa đối số ({args})",
    ),
    "click_no_value": (
        "Option '{name}' does not take a value.",
        "Tùy chọn '{name}' không nhận giá trị.",
    ),
    "click_values": (
        "Option '{name}' requires {n} values.",
        "Tùy chọn '{name}' cần {n} giá trị.",
    ),
    # what Click writes after a help text, between brackets: [required; default: 50 …]
    "click_required": ("required", "bắt buộc"),
    "click_default": ("default: {value}", "mặc định: {value}"),
    "click_env_var": ("env var: {name}", "biến môi trường: {name}"),
    "click_between": ("{lo}<=x<={hi}", "từ {lo} đến {hi}"),
    "click_at_least": ("x>={lo}", "từ {lo} trở lên"),
    "click_at_most": ("x<={hi}", "đến {hi}"),
    # the yes/no question before an undo; any of these words answers it, in either language
    "confirm_choices": ("[y/N]", "[c/K]"),
    "confirm_again": (
        "Please answer y (yes) or n (no).",
        "Hãy trả lời c (có) hoặc k (không).",
    ),
    # placeholders of the help pages (metavar.*): the English as Click writes it, then ours
    "metavar.options": ("[OPTIONS]", "[TÙY CHỌN]"),
    "metavar.command": ("COMMAND [ARGS]...", "LỆNH [ĐỐI SỐ]..."),
    "metavar.str": ("<str>", "<văn bản>"),
    "metavar.int": ("<int>", "<số>"),
    "metavar.int_range": ("<int range>", "<số>"),
    "metavar.path": ("<path>", "<tệp>"),
    "metavar.CODE": ("CODE", "MÃ"),
    "metavar.DAY": ("DAY", "NGÀY"),
    "metavar.FILE": ("FILE", "TỆP"),
    "metavar.DEST": ("DEST", "TỆP_ĐÍCH"),
    "metavar.SRC": ("SRC", "TỆP_NGUỒN"),
    "metavar.KEY": ("KEY", "THIẾT_LẬP"),
    "metavar.VALUE": ("VALUE", "GIÁ_TRỊ"),
    "metavar.NAME": ("NAME", "TÊN"),
    "metavar.FORM": ("FORM", "MẪU"),
    "metavar.LIMIT|PROCEDURE": ("LIMIT|PROCEDURE", "THỜI_HẠN|THỦ_TỤC"),
    "metavar.PROCEDURE|ALIAS": ("PROCEDURE|ALIAS", "THỦ_TỤC|TÊN_TẮT"),
    "metavar.OTHER.db": ("OTHER.db", "TỆP_KHÁC.db"),
    "metavar.PATH...": ("PATH...", "ĐƯỜNG_DẪN..."),
    "metavar.DIR": ("DIR", "THƯ_MỤC"),
    "click_missing_command": (
        "Missing command.",
        "Thiếu lệnh.",
    ),
    "click_needs_value": (
        "Option '{name}' requires an argument.",
        "Tùy chọn '{name}' cần một giá trị.",
    ),
    "click_aborted": (
        "Aborted!",
        "Đã hủy!",
    ),
    "help.slip.html": (
        "Write the slip to FILE.html, laid out for A5 printing.",
        "Ghi phiếu ra tệp .html, trình bày để in khổ A5.",
    ),
    "help.slip.paper": (
        "A paper handed in, printed on form 01 (repeat for each).",
        "Một giấy tờ đã nộp, in trên mẫu 01 (lặp lại cho từng giấy tờ).",
    ),
    "help.receipt": (
        "Form 01: the receipt and appointment slip, with a QR code of the dossier.",
        "Mẫu 01: phiếu tiếp nhận và hẹn trả kết quả, có mã QR của hồ sơ.",
    ),
    "help.slip": (
        "Print a form for a dossier: Circular 03/2025/TT-VPCP's if received from 30/10/2025, else"
        " Circular 01/2018/TT-VPCP's; a form that does not apply is refused.",
        "In một biểu mẫu cho hồ sơ: mẫu của Thông tư 03/2025/TT-VPCP nếu tiếp nhận từ 30/10/2025,"
        " nếu không thì của Thông tư 01/2018/TT-VPCP; mẫu không phù hợp sẽ bị từ chối.",
    ),
    "help.slip.form": (
        "01 receipt, 02 supplement request, 03 refusal, 04 apology; 2025 set: 05 notice that"
        " handling stops, 06 process control sheet; 2018 set: 05 process control sheet.",
        "01 phiếu tiếp nhận, 02 yêu cầu bổ sung, 03 từ chối, 04 xin lỗi; mẫu 2025: 05 thông báo"
        " dừng giải quyết, 06 phiếu kiểm soát quá trình; mẫu 2018: 05 phiếu kiểm soát quá trình.",
    ),
    "help.logbook": (
        "The dossier log book (form 07 of 2025, 06 of 2018): one row per dossier received in the period.",
        "Sổ theo dõi hồ sơ (mẫu 07 năm 2025, mẫu 06 năm 2018): mỗi hồ sơ tiếp nhận trong kỳ một dòng.",
    ),
    "help.logbook.out": (
        "The log book, FILE.xlsx (A4 landscape).",
        "Sổ theo dõi, tệp .xlsx (A4 ngang).",
    ),
    "help.opt.table_out": (
        "Write the rows to FILE.csv or FILE.xlsx.",
        "Ghi các dòng ra tệp .csv hoặc .xlsx.",
    ),
    "help.officers": (
        "Workload per officer: received, handed over, resolved, pending, overdue, on-time rate, share.",
        "Khối lượng công việc theo cán bộ: tiếp nhận, được chuyển, đã giải quyết, đang giải quyết, quá hạn, tỷ lệ đúng hạn, tỷ trọng.",
    ),
    "help.officers.by": (
        "One row per officer or per reception point.",
        "Mỗi cán bộ hoặc mỗi điểm tiếp nhận một dòng.",
    ),
    "help.late": (
        "Late and overdue dossiers with their officer and apology; late supplement requests; corrections;"
        " the duties of Decree 118 broken.",
        "Hồ sơ trễ hạn và quá hạn kèm cán bộ và thư xin lỗi; yêu cầu bổ sung muộn; các lần sửa quá trình;"
        " các vi phạm Nghị định 118.",
    ),
    "help.serve": (
        "Serve the citizen look-up (/), the waiting-room board (/bang) and the dashboard (/quan-ly), read-only.",
        "Phục vụ trang tra cứu cho người dân (/), bảng chờ nhận kết quả (/bang) và trang quản lý (/quan-ly), chỉ đọc.",
    ),
    "help.serve.host": (
        "Address to listen on; other than 127.0.0.1 opens it to the network.",
        "Địa chỉ lắng nghe; khác 127.0.0.1 là mở cho cả mạng.",
    ),
    "help.serve.port": (
        "Port to listen on.",
        "Cổng lắng nghe.",
    ),
    "help.init.officer": (
        "Register an officer and make them this PC's default officer.",
        "Đăng ký cán bộ và đặt làm cán bộ mặc định của máy này.",
    ),
    "help.init.block": (
        "This PC's block of daily numbers, N/M (default: from the point's number).",
        "Khối số hồ sơ hằng ngày của máy này, N/M (mặc định: theo số của điểm tiếp nhận).",
    ),
    "help.export.parquet": (
        "Write the center's dossiers as a Parquet export for the province's roll-up (needs tthc[province]).",
        "Ghi hồ sơ của trung tâm thành bản xuất Parquet cho tỉnh tổng hợp (cần tthc[province]).",
    ),
    "help.rollup": (
        "A province on one screen: the II.06a of many centers, per center and in total, from their Parquet exports or .db files.",
        "Cả tỉnh trên một màn hình: biểu II.06a của nhiều trung tâm, từng trung tâm và tổng, từ bản xuất Parquet hoặc tệp .db.",
    ),
    "help.rollup.paths": (
        "A center's export folder, a folder of exports, or a center's .db file.",
        "Thư mục xuất của một trung tâm, thư mục chứa nhiều bản xuất, hoặc tệp .db của trung tâm.",
    ),
    "help.rollup.by": (
        "Group by center (ranked by on-time rate), field, procedure or month.",
        "Nhóm theo trung tâm (xếp theo tỷ lệ đúng hạn), lĩnh vực, thủ tục hoặc tháng.",
    ),
    "help.rollup.out": (
        "Write the province's workbook (.xlsx): the total sheet, then one sheet per center.",
        "Ghi sổ tính của tỉnh (.xlsx): trang tổng hợp, rồi mỗi trung tâm một trang.",
    ),
    "e_export_target": (
        "give either a FILE to export to or --parquet DIR, not both",
        "hãy cho hoặc TỆP để xuất, hoặc --parquet THƯ-MỤC, không cả hai",
    ),
    "e_no_duckdb": (
        'the province\'s roll-up needs DuckDB: pip install "tthc[province]"',
        'tổng hợp của tỉnh cần DuckDB: pip install "tthc[province]"',
    ),
    "e_rollup_source": (
        "{path}: neither a center's export (made by `tthc export --parquet`), a folder of exports, nor a .db file",
        "{path}: không phải bản xuất của trung tâm (từ `tthc export --parquet`), thư mục các bản xuất, hay tệp .db",
    ),
    "e_rollup_twice": (
        "{path}: the center with unit code {unit} is given twice; each center once",
        "{path}: trung tâm có mã đơn vị {unit} được đưa vào hai lần; mỗi trung tâm một lần",
    ),
    "parquet_exported": (
        "{center}: {n} dossiers exported for the province to {path}",
        "{center}: đã xuất {n} hồ sơ cho tỉnh vào {path}",
    ),
    "province_title": ("Province roll-up of {n} centers", "Tổng hợp của tỉnh, {n} trung tâm"),
    "sheet_province": ("Province", "Toàn tỉnh"),
    "help.export.full": (
        "Every table, every field: FILE.jsonl or FILE.xlsx, for `import` elsewhere.",
        "Mọi bảng, mọi trường: tệp .jsonl hoặc .xlsx, để `import` ở nơi khác.",
    ),
    "help.merge": (
        "Bring in another reception point's dossiers, history, registers, catalog and calendar days; merging the same file again changes nothing. Dossiers both points changed in ways that cannot both stand are held aside and listed (exit 1) until --keep settles them.",
        "Nhập hồ sơ, nhật ký, danh sách cán bộ, điểm, thủ tục và ngày lịch của điểm tiếp nhận khác; nhập lại cùng một tệp không thay đổi gì. Hồ sơ mà hai điểm thay đổi không thể cùng đứng được để riêng và liệt kê (mã thoát 1) cho đến khi --keep giải quyết.",
    ),
    "help.merge.other": (
        "The other point's database (a copy).",
        "Cơ sở dữ liệu của điểm kia (một bản sao).",
    ),
    "help.merge.dry_run": (
        "Say what would change; write nothing.",
        "Cho biết sẽ thay đổi gì; không ghi gì.",
    ),
    "help.procedure.export": (
        "Write the catalog to .csv/.xlsx in the columns `procedure import` reads.",
        "Xuất danh mục thủ tục ra .csv/.xlsx theo đúng các cột mà `procedure import` đọc.",
    ),
    "help.opt.excel_vn": (
        "CSV for Excel set to Vietnamese: ';' between cells, ',' in decimals.",
        "CSV cho Excel đặt tiếng Việt: dấu ';' giữa các ô, dấu ',' ở số thập phân.",
    ),
    # -- what each setting means (config show)
    "setting.center_name": (
        "the center's name on reports and slips",
        "tên trung tâm trên báo cáo và phiếu",
    ),
    "setting.code_prefix": (
        "unit code that starts generated dossier codes",
        "mã đơn vị đứng đầu mã hồ sơ tự sinh",
    ),
    "setting.lang": (
        "output language when --lang and TTHC_LANG are not given",
        "ngôn ngữ hiển thị khi không có --lang và TTHC_LANG",
    ),
    "setting.office_hours": (
        "office sessions, half-open",
        "các phiên làm việc (tính từ giờ mở, không tính giờ đóng)",
    ),
    "setting.same_day_cutoff": (
        "same-day cut-off",
        "giờ chốt nhận hồ sơ trả trong ngày",
    ),
    "setting.supplement_policy": (
        "after a supplement: restart the whole limit (the law since 1/7/2025, Decree 118 Art. 19.5)"
        " or freeze the time left (the reading before)",
        "sau khi bổ sung: restart (tính lại toàn bộ thời hạn, theo Nghị định 118 Điều 19.5 từ 1/7/2025)"
        " hay freeze (tính tiếp thời gian còn lại, cách tính trước đó)",
    ),
    "setting.calendar_confirmed_through": (
        "last year whose holidays the government has announced",
        "năm cuối cùng đã có lịch nghỉ chính thức",
    ),
    "setting.period_start_day": (
        "first day of a reporting month",
        "ngày bắt đầu của tháng báo cáo",
    ),
    "setting.center_address": (
        "the center's address on slips and forms",
        "địa chỉ trung tâm trên phiếu và biểu mẫu",
    ),
    "setting.place_name": (
        "the place named in a form's date line (e.g. Hòa An)",
        "địa danh ghi ở dòng ngày tháng của biểu mẫu (ví dụ Hòa An)",
    ),
    "setting.report_to": (
        "the unit that receives the center's reports",
        "đơn vị nhận báo cáo của trung tâm",
    ),
    "setting.head_title": (
        "title of who signs reports (e.g. Giám đốc)",
        "chức danh người ký báo cáo (ví dụ Giám đốc)",
    ),
    "setting.head_name": (
        "name of who signs reports",
        "họ tên người ký báo cáo",
    ),
    "setting.preparer_name": (
        "name of who prepares reports",
        "họ tên người lập biểu",
    ),
    "setting.reports_closed_through": (
        "last day already reported: changing its timelines needs --correct-time",
        "ngày cuối cùng đã báo cáo: sửa quá trình xử lý trước ngày này cần --correct-time",
    ),
    "setting.public_url": (
        "the center's public address (e.g. https://tthc.hoaan.vn); a slip's QR code then opens its look-up page",
        "địa chỉ công khai của trung tâm (ví dụ https://tthc.hoaan.vn); mã QR trên phiếu sẽ mở trang tra cứu",
    ),
    "setting.manager_password": (
        "password of the web dashboard (stored hashed; empty: this machine only)",
        "mật khẩu trang quản lý trên web (lưu dạng băm; để trống: chỉ máy này)",
    ),
    "secret_set": ("(set)", "(đã đặt)"),
    "secret_not_set": ("(not set)", "(chưa đặt)"),
    # -- screens (worklist, summary shapes, exports) -------------------------------------
    # time limits, money and months as people say them
    "lim_same_day": ("same day", "trong ngày"),
    "lim_wd": ("{n} working days", "{n} ngày làm việc"),
    "lim_wd_1": ("{n} working day", "{n} ngày làm việc"),
    "lim_d": ("{n} days", "{n} ngày"),
    "lim_d_1": ("{n} day", "{n} ngày"),
    "lim_h": ("{n} working hours", "{n} giờ làm việc"),
    "lim_h_1": ("{n} working hour", "{n} giờ làm việc"),
    "money": ("{amount} VND", "{amount} đ"),
    "month_label": ("{name} {year}", "tháng {name}/{year}"),
    "proc_code": ("Code", "Mã TTHC"),
    # the summary when its full table does not fit: short headers, a legend, blocks
    "hs_carried_over": ("C/O", "KT"),
    "hs_received": ("Recd", "TN"),
    "hs_received_direct": ("Dir", "TT"),
    "hs_received_online": ("Onl", "TTu"),
    "hs_received_postal": ("Post", "BC"),
    "hs_resolved": ("Res", "GQ"),
    "hs_early": ("Early", "Sớm"),
    "hs_on_time": ("OnT", "Đúng"),
    "hs_late": ("Late", "Trễ"),
    "hs_withdrawn": ("Wdn", "Rút"),
    "hs_pending": ("Pend", "Tồn"),
    "hs_pending_not_due": ("InT", "TrH"),
    "hs_pending_overdue": ("OvD", "QH"),
    "hs_paused": ("Paus", "BS"),
    "hs_rate": ("Rate", "Tỷ lệ"),
    "hl_carried_over": ("carried over", "kỳ trước chuyển qua"),
    "hl_received": ("received", "tiếp nhận"),
    "hl_received_direct": ("direct", "trực tiếp"),
    "hl_received_online": ("online", "trực tuyến"),
    "hl_received_postal": ("postal", "bưu chính"),
    "hl_resolved": ("resolved", "đã giải quyết"),
    "hl_early": ("early", "trước hạn"),
    "hl_on_time": ("on time", "đúng hạn"),
    "hl_late": ("late", "quá hạn"),
    "hl_withdrawn": ("withdrawn", "rút hồ sơ"),
    "hl_pending": ("pending", "đang giải quyết"),
    "hl_pending_not_due": ("pending, not due", "đang giải quyết trong hạn"),
    "hl_pending_overdue": ("pending, overdue", "đang giải quyết quá hạn"),
    "hl_paused": ("waiting for papers", "chờ bổ sung"),
    "hl_rate": (
        "on-time rate (early + on time of resolved)",
        "tỷ lệ trước hạn và đúng hạn trên số đã giải quyết",
    ),
    "legend_item": ("{short} = {long}", "{short} = {long}"),
    "legend": ("Columns: {items}", "Các cột: {items}"),
    "by_channel": (
        "Received by channel (direct / online / postal):",
        "Tiếp nhận theo hình thức (trực tiếp / trực tuyến / bưu chính):",
    ),
    "chart_legend": (
        "█ dossiers received · ▒ returned early or on time, % of resolved",
        "█ số hồ sơ tiếp nhận · ▒ tỷ lệ trả trước hạn và đúng hạn trên số đã giải quyết",
    ),
    "chart_title_groups": ("Dossiers received and on-time rate", "Số hồ sơ tiếp nhận và tỷ lệ đúng hạn"),
    "f06_columns": ("Columns: {items}", "Các cột: {items}"),
    "f06_span": ("({first})–({last}) {name}", "({first})–({last}) {name}"),
    "f06_notes": ("Notes: {items}", "Ghi chú: {items}"),
    # the worklist
    "wl_title": ("Worklist at {at}", "Công việc lúc {at}"),
    "wl_overdue": ("Overdue", "Quá hạn"),
    "wl_today": ("Due today", "Đến hạn hôm nay"),
    "wl_soon": ("Due within 2 working days", "Đến hạn trong 2 ngày làm việc"),
    "wl_paused": ("Waiting for papers", "Chờ bổ sung"),
    "wl_collect": ("Results to collect", "Kết quả chờ trả"),
    "wl_heading": ("{name} ({n})", "{name} ({n})"),
    "wl_days_overdue": ("Days overdue", "Số ngày quá hạn"),
    "wl_days_note": (
        "days overdue: working days after the due date",
        "số ngày quá hạn: số ngày làm việc sau ngày hẹn trả",
    ),
    "wl_overdue_word": ("overdue", "quá hạn"),
    "wl_since": ("Since", "Từ lúc"),
    "wl_reason": ("Reason asked", "Lý do yêu cầu"),
    "wl_apology": ("apology: new date {date}", "thư xin lỗi: hẹn lại ngày {date}"),
    "wl_more": (
        "{shown} of {total}; use --limit to see more",
        "Hiển thị {shown}/{total} hồ sơ; dùng --limit để xem thêm",
    ),
    "wl_nothing": (
        "Nothing is overdue, due soon, waiting for papers or waiting to be collected.",
        "Không có hồ sơ quá hạn, sắp đến hạn, chờ bổ sung hay chờ trả kết quả.",
    ),
    # the audit trail, in sentences
    "s_import": ("import", "nhập từ tệp"),
    "hx_receive": (
        "procedure {code}, time limit {limit}, {channel}",
        "thủ tục {code}, thời hạn {limit}, {channel}",
    ),
    "hx_override": ("instead of the catalog's {limit}", "thay cho {limit} của danh mục"),
    "hx_handover": ("from {old} to {new}", "từ {old} sang {new}"),
    "hx_handover_to": ("to {new}", "sang {new}"),
    "hx_note": ("note: {text}", "ghi chú: {text}"),
    "hx_reason": ("reason: {text}", "lý do: {text}"),
    "hx_restart": (
        "the whole time limit counts again on resume",
        "khi đủ hồ sơ sẽ tính lại toàn bộ thời hạn",
    ),
    "hx_freeze": ("the time left counts on at resume", "khi đủ hồ sơ sẽ tính tiếp thời gian còn lại"),
    "hx_due": ("due {at}", "hẹn trả {at}"),
    "hx_outcome": ("outcome: {outcome}", "kết quả: {outcome}"),
    "hx_changed": ("{what}: {old} → {new}", "{what}: {old} → {new}"),
    "hx_empty": ("(empty)", "(trống)"),
    "hx_undo": ("undid #{id}: {step} of {at}", "hoàn tác #{id}: {step} lúc {at}"),
    "hx_moved": ("due date moved from {old} to {new}", "ngày hẹn trả đổi từ {old} sang {new}"),
    "hx_calendar": ("after a change of the calendar on {day}", "do điều chỉnh lịch ngày {day}"),
    "hx_import": ("{n} dossier(s) from {file}", "{n} hồ sơ từ tệp {file}"),
    # files: column headers (English keeps the JSON names)
    "fh_key": ("key", "Nhóm"),
    "fh_key_month": ("key", "Tháng"),
    "fh_total": ("TOTAL", "Tổng"),
    "fh_carried_over": ("carried_over", "Kỳ trước chuyển qua"),
    "fh_received": ("received", "Tiếp nhận"),
    "fh_received_direct": ("received_direct", "Trực tiếp"),
    "fh_received_online": ("received_online", "Trực tuyến"),
    "fh_received_postal": ("received_postal", "Bưu chính"),
    "fh_resolved": ("resolved", "Đã giải quyết"),
    "fh_early": ("early", "Trước hạn"),
    "fh_on_time": ("on_time", "Đúng hạn"),
    "fh_late": ("late", "Quá hạn"),
    "fh_withdrawn": ("withdrawn", "Rút hồ sơ"),
    "fh_pending": ("pending", "Đang giải quyết"),
    "fh_pending_not_due": ("pending_not_due", "Đang giải quyết trong hạn"),
    "fh_pending_overdue": ("pending_overdue", "Đang giải quyết quá hạn"),
    "fh_paused": ("paused", "Chờ bổ sung"),
    "fh_on_time_rate": ("on_time_rate", "Tỷ lệ đúng hạn (%)"),
    "fh_code": ("code", "Mã hồ sơ"),
    "fh_procedure": ("procedure", "Mã TTHC"),
    "fh_procedure_name": ("procedure_name", "Tên thủ tục"),
    "fh_field": ("field", "Lĩnh vực"),
    "fh_applicant": ("applicant", "Người nộp"),
    "fh_received_at": ("received_at", "Ngày tiếp nhận"),
    "fh_channel": ("channel", "Hình thức"),
    "fh_point": ("point", "Điểm tiếp nhận"),
    "fh_officer": ("officer", "Cán bộ"),
    "fh_limit": ("limit", "Thời hạn"),
    "fh_due_at": ("due_at", "Ngày hẹn trả"),
    "fh_status": ("status", "Trạng thái"),
    "fh_timeliness": ("timeliness", "Kết quả đúng hạn"),
    "fh_resolved_at": ("resolved_at", "Ngày giải quyết"),
    "fh_outcome": ("outcome", "Kết quả"),
    "fh_apology_at": ("apology_at", "Ngày xin lỗi"),
    "fh_happened_at": ("happened_at", "Thời điểm"),
    "fh_returned_at": ("returned_at", "Ngày trả kết quả"),
    "fh_withdrawn_at": ("withdrawn_at", "Ngày rút hồ sơ"),
    "fh_paused_at": ("paused_at", "Ngày yêu cầu bổ sung"),
    "fh_resumed_at": ("resumed_at", "Ngày nhận bổ sung"),
    # the demo
    "demo_next": (
        "Explore it: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}",
        "Xem thêm: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}",
    ),
    "e_too_long": (
        "{what} is too long: {n} characters, at most {most}",
        "{what} quá dài: {n} ký tự, tối đa {most}",
    ),
    "w_address": ("the address", "Địa chỉ"),
    "w_note": ("the note", "Ghi chú"),
    "e_code_ambiguous": (
        "{code!r} could be any of: {candidates}; type the whole code",
        "{code!r} trùng với nhiều hồ sơ: {candidates}; hãy gõ đủ mã hồ sơ",
    ),
    "e_period_closed": (
        "{at:%d/%m/%Y %H:%M} lies in a period already reported (up to {closed:%d/%m/%Y}); "
        "change it only with --correct-time --reason",
        "{at:%d/%m/%Y %H:%M} thuộc kỳ đã báo cáo (đến {closed:%d/%m/%Y}); "
        "chỉ sửa được với --correct-time --reason",
    ),
    "e_earlier_than_undone": (
        "{step} at {at:%d/%m/%Y %H:%M} is earlier than the one undone ({undone:%d/%m/%Y %H:%M}); "
        "to re-date a step, add --correct-time --reason",
        "{step} lúc {at:%d/%m/%Y %H:%M} sớm hơn bước đã hoàn tác ({undone:%d/%m/%Y %H:%M}); "
        "muốn ghi lùi thời điểm, hãy thêm --correct-time --reason",
    ),
    "e_undo_moved": (
        "dossier {code} changed meanwhile; run undo again to see what it would revert",
        "hồ sơ {code} vừa được thay đổi; hãy chạy lại undo để xem bước sẽ hoàn tác",
    ),
    "e_handover_same": (
        "dossier {code} is already in the charge of {officer}",
        "hồ sơ {code} đang do {officer} phụ trách",
    ),
    "e_field_unknown": (
        "unknown field {field!r}; known: {known}",
        "không có lĩnh vực {field!r}; các lĩnh vực: {known}",
    ),
    "undo_plan": (
        "{code}: will revert {step} of {at} (recorded by {actor})",
        "{code}: sẽ hoàn tác bước “{step}” lúc {at} (do {actor} ghi)",
    ),
    "undo_confirm": ("Revert it?", "Hoàn tác bước này?"),
    "reports_closed": (
        "Periods up to {day:%d/%m/%Y} are marked as reported",
        "Các kỳ đến ngày {day:%d/%m/%Y} được đánh dấu đã báo cáo",
    ),
    "corrections_title": (
        "Changed timelines — {start} to {end} ({n})",
        "Các lần sửa quá trình xử lý — từ {start} đến {end} ({n})",
    ),
    "corrections_none": (
        "No timeline was changed from {start} to {end}.",
        "Không có lần sửa quá trình xử lý nào từ {start} đến {end}.",
    ),
    "kind_undo": ("undone", "hoàn tác"),
    "kind_correction": ("re-dated", "sửa thời điểm"),
    "h_kind": ("Change", "Loại"),
    "h_moment": ("Step's time", "Thời điểm của bước"),
    "h_replaced": ("Replaced", "Thay cho"),
    "h_reason": ("Reason", "Lý do"),
    "corrections_note": (
        "{n} changed timeline(s) in this period: see tthc corrections --from {start} --to {end}",
        "{n} lần sửa quá trình xử lý trong kỳ: xem tthc corrections --from {start} --to {end}",
    ),
    # -- corrections (undo, reports closed) ----------------------------------------------
    # (this section's messages go here)
    # -- papers (receipt slips, forms 01–06, log book) -----------------------------------
    "p_form_no": ("Form {n} (Circular {circular})", "Mẫu số {n} (Thông tư {circular})"),
    "p_nation": ("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "p_motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "p_code": ("Dossier code: {code}", "Mã hồ sơ: {code}"),
    "p_time": ("{h:02d}:{m:02d}", "{h:02d} giờ {m:02d} phút"),
    "p_moment": ("{weekday} {day}, {time}", "{time}, {weekday} ngày {day}"),
    "p_moment_short": ("{day} {h:02d}:{m:02d}", "{h:02d} giờ {m:02d}, {day}"),
    "p_day": ("{weekday} {day}", "{weekday} ngày {day}"),
    "p_received_from": ("Dossier received from", "Tiếp nhận hồ sơ của"),
    "p_address": ("Address", "Địa chỉ"),
    "p_phone": ("Phone", "Số điện thoại"),
    "p_request": ("Request", "Nội dung yêu cầu giải quyết"),
    "p_received": ("Received", "Thời gian nhận hồ sơ"),
    "p_due": ("Result due", "Hẹn trả kết quả"),
    "p_due_paused": (
        "none while the papers are awaited (the time limit is stopped)",
        "chưa có trong thời gian chờ bổ sung hồ sơ (tạm dừng tính thời gian)",
    ),
    "p_sign_applicant": ("APPLICANT", "NGƯỜI NỘP HỒ SƠ"),
    "p_sign_receiver": ("RECEIVING OFFICER", "NGƯỜI TIẾP NHẬN HỒ SƠ"),
    "p_sign_guide": ("GUIDING OFFICER", "NGƯỜI HƯỚNG DẪN"),
    "p_sign_name": ("(signature and full name)", "(Ký và ghi rõ họ tên)"),
    "p_sign_seal": ("(signature, full name and seal)", "(Ký, ghi rõ họ tên và đóng dấu)"),
    "p_qr_code": ("Dossier code {code}", "Mã hồ sơ {code}"),
    "p_qr_lookup": ("Scan to look up dossier {code}", "Quét mã để tra cứu hồ sơ {code}"),
    "p01_title": ("RECEIPT AND APPOINTMENT SLIP", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    "p01_papers": ("1. Papers handed in", "1. Thành phần hồ sơ nộp gồm"),
    "p01_count": ("2. Number of dossiers", "2. Số lượng hồ sơ"),
    "p01_one_set": ("1 set", "01 (bộ)"),
    "p01_limit": ("3. Time limit set by law", "3. Thời gian giải quyết hồ sơ theo quy định"),
    "p01_received": ("4. Received", "4. Thời gian nhận hồ sơ"),
    "p01_resumed": ("   Missing papers completed", "   Nhận đủ hồ sơ bổ sung"),
    "p01_due": ("5. Result due", "5. Thời gian trả kết quả giải quyết hồ sơ"),
    "p01_collect": ("6. Collect the result at", "6. Đăng ký nhận kết quả tại"),
    "p01_lookup": ("Look the dossier up", "Tra cứu hồ sơ"),
    "p01_lookup_url": (
        "at {url} with the code {code}, or scan the QR code",
        "tại {url} bằng mã hồ sơ {code}, hoặc quét mã QR",
    ),
    "p01_lookup_code": (
        "give the code {code} at the counter or by phone; the QR code holds it",
        "đọc mã hồ sơ {code} tại quầy hoặc qua điện thoại; mã QR chứa mã hồ sơ này",
    ),
    "p02_title": (
        "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    ),
    "p02_dossier_of": ("Dossier of", "Hồ sơ của"),
    "p02_requested": ("Papers requested", "Thời gian yêu cầu bổ sung"),
    "p02_round": ("request no. {k}", "yêu cầu lần thứ {k}"),
    "p02_what": ("Please complete the dossier with", "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau"),
    "p02_clock_restart": (
        "The time limit stops at this request; once the papers are complete, the whole time limit counts again.",
        "Thời gian giải quyết tạm dừng từ khi yêu cầu bổ sung; khi nhận đủ hồ sơ, thời gian giải quyết được tính lại từ đầu.",
    ),
    "p02_clock_freeze": (
        "The time limit stops at this request; once the papers are complete, the time left counts on.",
        "Thời gian giải quyết tạm dừng từ khi yêu cầu bổ sung; khi nhận đủ hồ sơ, thời gian còn lại được tính tiếp.",
    ),
    "p02_completed": ("Papers completed", "Đã nhận đủ hồ sơ bổ sung"),
    "p02_new_due": ("New appointment", "Hẹn trả kết quả mới"),
    "p02_contact": (
        "If anything is unclear while completing the dossier, please contact {officer} at {center}.",
        "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với {officer} - {center} để được hướng dẫn.",
    ),
    "p03_title": ("REFUSAL TO HANDLE THE DOSSIER", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
    "p03_decided": ("Refused", "Thời gian từ chối giải quyết"),
    "p03_reason_intro": (
        "Having examined the dossier against the regulations, {center} refuses to handle it for the following reason:",
        "Sau khi xem xét, đối chiếu với quy định, {center} từ chối giải quyết hồ sơ này vì lý do sau:",
    ),
    "p03_notice": ("We inform you accordingly./.", "Xin thông báo cho Ông/Bà được biết và thực hiện./."),
    "p04_title": ("APOLOGY AND NEW APPOINTMENT", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
    "p04_to": ("To", "Kính gửi"),
    "p04_intro": (
        "On {day}, {center} received for handling the dossier of {applicant}.",
        "Ngày {day}, {center} tiếp nhận giải quyết hồ sơ của Ông/Bà/tổ chức: {applicant}.",
    ),
    "p04_due": ("Result due", "Thời hạn trả kết quả giải quyết hồ sơ"),
    "p04_late": (
        "So far, {center} has not returned the result. Reason: {reason}.",
        "Tuy nhiên đến nay, {center} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/tổ chức. Lý do: {reason}.",
    ),
    "p04_sorry": (
        "We apologise for the trouble this delay causes you. {center} will return the result on {new_date}.",
        "Sự chậm trễ này đã gây phiền hà cho Ông/Bà/tổ chức. {center} xin lỗi Ông/Bà/tổ chức"
        " và sẽ trả kết quả giải quyết hồ sơ vào {new_date}.",
    ),
    "p04_thanks": ("Thank you./.", "Xin trân trọng cảm ơn./."),
    "p05_title": ("PROCESS CONTROL SHEET", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    "p05_attached": ("Attached to the dossier of", "Kèm theo hồ sơ của"),
    "p05_step": ("Step", "Bước"),
    "p05_when": ("Handed over at", "Thời gian giao, nhận hồ sơ"),
    "p05_from": ("Handed over by", "Người giao"),
    "p05_to": ("Taken by", "Người nhận"),
    "p05_result": ("Result (early/on time/late)", "Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)"),
    "p05_note": ("Note", "Ghi chú"),
    "p06_title": ("DOSSIER LOG BOOK", "SỔ THEO DÕI HỒ SƠ"),
    "p06_period": (
        "Dossiers received from {start} to {end}",
        "Hồ sơ tiếp nhận từ ngày {start} đến ngày {end}",
    ),
    "p06_dates": ("Date and time", "Ngày, tháng, năm"),
    "p06_no": ("No.", "STT"),
    "p06_code": ("Dossier code", "Mã hồ sơ"),
    "p06_procedure": ("Procedure", "Tên TTHC"),
    "p06_sets": ("Dossiers (sets)", "Số lượng hồ sơ (bộ)"),
    "p06_applicant": ("Individual or organisation", "Tên cá nhân, tổ chức"),
    "p06_contact": ("Address, phone", "Địa chỉ, số điện thoại"),
    "p06_handler": ("Handled by", "Cơ quan chủ trì giải quyết"),
    "p06_received": ("Received", "Nhận hồ sơ"),
    "p06_due": ("Result due", "Hẹn trả kết quả"),
    "p06_sent": ("Passed on for handling", "Chuyển hồ sơ đến cơ quan giải quyết"),
    "p06_resolved": ("Result ready", "Ngày có kết quả"),
    "p06_returned": ("Result returned", "Trả kết quả"),
    "p06_signed": ("Received by (signature)", "Ký nhận"),
    "p06_note": ("Note", "Ghi chú"),
    "p06_n_rounds": ("{n} supplement request(s)", "yêu cầu bổ sung {n} lần"),
    "p06_n_apology": ("apology, new date {day}", "xin lỗi, hẹn lại ngày {day}"),
    "p06_n_withdrawn": ("withdrawn {day}", "rút hồ sơ ngày {day}"),
    "p06_written": (
        "Log book: {n} dossier(s) written to {path}",
        "Sổ theo dõi hồ sơ: đã ghi {n} hồ sơ vào {path}",
    ),
    "e_form": (
        "unknown form {form!r}: expected a form number, 01 to 07",
        "không có mẫu {form!r}: chọn số mẫu từ 01 đến 07",
    ),
    "e_form02": (
        "dossier {code} has no supplement request: form 02 is written for one",
        "hồ sơ {code} chưa có yêu cầu bổ sung: mẫu 02 chỉ lập khi yêu cầu bổ sung hồ sơ",
    ),
    "e_form03": (
        "dossier {code} was not rejected: form 03 is for a dossier resolved with outcome rejected",
        "hồ sơ {code} không bị từ chối: mẫu 03 chỉ lập cho hồ sơ có kết quả từ chối giải quyết",
    ),
    "e_form04": (
        "dossier {code} has no apology: record one with `tthc apologize` first",
        "hồ sơ {code} chưa có thư xin lỗi: hãy ghi nhận bằng `tthc apologize` trước",
    ),
    "e_paper_form01": (
        "--paper lists the papers on form 01 only",
        "--paper chỉ dùng để ghi thành phần hồ sơ trên mẫu 01",
    ),
    "e_html_suffix": ("{path}: a slip is written as .html", "{path}: phiếu được ghi ra tệp .html"),
    "e_logbook_xlsx": (
        "{path}: the log book is written as .xlsx",
        "{path}: sổ theo dõi hồ sơ được ghi ra tệp .xlsx",
    ),
    # -- form II.06a ---------------------------------------------------------------------
    "f06_code": ("Form II.06a/VPCP/KSTT", "Biểu số II.06a/VPCP/KSTT"),
    "f06_issued_by": (
        "Issued with Circular 01/2020/TT-VPCP of 21/10/2020",
        "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
    ),
    "f06_reporting_unit": ("Reporting unit: {unit}", "Đơn vị báo cáo: {unit}"),
    "f06_receiving_unit": ("Receiving unit: {unit}", "Đơn vị nhận báo cáo: {unit}"),
    "f06_title": (
        "HANDLING OF ADMINISTRATIVE PROCEDURES AT THE COMMUNE",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CẤP XÃ",
    ),
    "f06_period": ("Reporting period: {start} to {end}", "Kỳ báo cáo: từ ngày {start} đến ngày {end}"),
    "f06_unit": ("Unit: number of dossiers", "Đơn vị tính: Số hồ sơ TTHC"),
    "f06_received": ("Dossiers to handle", "Số hồ sơ nhận giải quyết"),
    "f06_resolved": ("Dossiers resolved", "Số hồ sơ đã giải quyết"),
    "f06_pending": ("Dossiers in progress", "Số hồ sơ đang giải quyết"),
    "f06_no": ("No.", "STT"),
    "f06_field": ("Field", "Lĩnh vực giải quyết"),
    "f06_total": ("Total", "Tổng số"),
    "f06_online": ("Online", "Trực tuyến"),
    "f06_direct_postal": ("Direct and postal", "Trực tiếp và dịch vụ bưu chính"),
    "f06_carried_over": ("Carried over", "Kỳ trước chuyển qua"),
    "f06_early": ("Early", "Trước hạn"),
    "f06_on_time": ("On time", "Đúng hạn"),
    "f06_late": ("Late", "Quá hạn"),
    "f06_within": ("Within deadline", "Trong hạn"),
    "f06_overdue": ("Overdue", "Quá hạn"),
    "f06_note": ("Note", "Ghi chú"),
    "f06_total_row": ("Total", "Tổng cộng"),
    "f06_withdrawn_note": ("{n} withdrawn", "Rút {n} hồ sơ"),
    "f06_place_date": ("{place}, {d:02d}/{m:02d}/{y}", "{place}, ngày {d:02d} tháng {m:02d} năm {y}"),
    "f06_preparer": ("PREPARED BY", "NGƯỜI LẬP BIỂU"),
    "f06_sign_name": ("(signature and full name)", "(Ký, ghi rõ họ tên)"),
    "f06_sign_seal": ("(signature and seal)", "(Ký tên, đóng dấu)"),
    "f06_page": ("Page &P of &N", "Trang &P/&N"),
    # -- workload and compliance (officers, late, II.06a) --------------------------------
    "wl_title_officer": (
        "Workload by officer — {start} to {end}",
        "Khối lượng công việc theo cán bộ — từ {start} đến {end}",
    ),
    "wl_title_point": (
        "Workload by reception point — {start} to {end}",
        "Khối lượng công việc theo điểm tiếp nhận — từ {start} đến {end}",
    ),
    "wl_h_received": ("Received", "Tiếp\nnhận"),
    "wl_h_handed_over": ("Handed\nover", "Được\ngiao"),
    "wl_h_resolved": ("Resolved", "Đã giải\nquyết"),
    "wl_h_on_time_rate": ("On-time\nrate", "Tỷ lệ\nđúng hạn"),
    "wl_h_pending": ("Pending", "Đang giải\nquyết"),
    "wl_h_overdue": ("Overdue", "Quá\nhạn"),
    "wl_h_load": ("Load", "Khối\nlượng"),
    "wl_chart_title": (
        "Share of the center's load (load = resolved + pending)",
        "Tỷ trọng trong khối lượng của trung tâm (khối lượng = đã giải quyết + đang giải quyết)",
    ),
    "wl_legend_officer": (
        "Received: received while in their charge at receipt. Handed over: handovers to them."
        " Resolved, pending and overdue: dossiers in their charge now.",
        "Tiếp nhận: hồ sơ do cán bộ phụ trách khi tiếp nhận. Được giao: số lần được chuyển xử lý đến."
        " Đã giải quyết, đang giải quyết, quá hạn: hồ sơ cán bộ đang phụ trách.",
    ),
    "wl_legend_point": (
        "Handed over: handovers of the point's dossiers in the period.",
        "Được giao: số lần chuyển xử lý hồ sơ của điểm trong kỳ.",
    ),
    "lt_title": (
        "Late and overdue dossiers — {start} to {end}",
        "Hồ sơ trễ hạn và quá hạn — từ {start} đến {end}",
    ),
    "lt_resolved_late": ("Resolved late ({n})", "Giải quyết quá hạn ({n})"),
    "lt_open_overdue": ("Open and overdue at {at} ({n})", "Đang giải quyết, quá hạn tại {at} ({n})"),
    "lt_late_requests": (
        "Papers requested after the due date had passed ({n})",
        "Yêu cầu bổ sung khi đã quá hạn ({n})",
    ),
    "lt_corrections": ("Timelines corrected ({n})", "Quá trình xử lý được điều chỉnh ({n})"),
    "lt_nothing": ("  none", "  không có"),
    "lt_h_due": ("Due date", "Hạn giải quyết"),
    "lt_h_resolved": ("Resolved", "Ngày giải quyết"),
    "lt_h_days_late": ("Working days late", "Số ngày làm việc trễ"),
    "lt_h_apology": ("Apology", "Thư xin lỗi"),
    "lt_h_new_date": ("New date", "Ngày hẹn lại"),
    "lt_h_promise": ("New date kept?", "Đúng hẹn lại?"),
    "lt_h_requested": ("Papers requested", "Yêu cầu bổ sung lúc"),
    "lt_h_reason": ("Reason", "Lý do"),
    "lt_h_kind": ("Correction", "Điều chỉnh"),
    "lt_h_step": ("Step", "Bước"),
    "lt_h_step_at": ("Step had happened", "Bước đã ghi lúc"),
    "lt_h_corrected_at": ("Corrected", "Điều chỉnh lúc"),
    "lt_open": ("open", "chưa xong"),
    "lt_apology_none": ("none", "không có"),
    "lt_apology_in_time": ("in time", "kịp thời"),
    "lt_apology_late": ("too late", "muộn"),
    "lt_promise_kept": ("kept", "đúng hẹn"),
    "lt_promise_broken": ("broken", "lỡ hẹn"),
    "lt_promise_not_yet": ("not yet due", "chưa đến hẹn"),
    "lt_no_apology": (
        "Late without an apology in time: {n}{codes}",
        "Trễ hạn mà không có thư xin lỗi kịp thời: {n}{codes}",
    ),
    "lt_sheet": ("Late", "Quá hạn"),
    "lt_sheet_title": ("LATE AND OVERDUE DOSSIERS", "DANH SÁCH HỒ SƠ TRỄ HẠN, QUÁ HẠN"),
    # -- two points (merge, full export) -------------------------------------------------
    "station_line": (
        "This PC: point {point}, officer {officer}, dossier numbers {first:04d}–{last:04d} each day ({path})",
        "Máy này: điểm tiếp nhận {point}, cán bộ {officer}, số hồ sơ từ {first:04d} đến {last:04d} mỗi ngày ({path})",
    ),
    "w_no_point": ("none", "không có"),
    "w_no_officer": ("none", "không có"),
    "e_block": (
        "bad --block {text!r}: expected N/M, the N-th of M equal parts of the day's numbers (1 ≤ N ≤ M ≤ {most}), e.g. 3/3",
        "--block {text!r} không hợp lệ: dùng N/M, phần thứ N trong M phần bằng nhau của số hồ sơ trong ngày (1 ≤ N ≤ M ≤ {most}), ví dụ 3/3",
    ),
    "e_point_block": (
        "point {point!r}: its name has no point number 1 or 2, so this PC's block of daily numbers"
        " cannot be told; give --block N/M (e.g. --block 3/3 for the third of three points)",
        "điểm {point!r}: tên không có số điểm 1 hoặc 2 nên chưa xác định được dải số hồ sơ của máy này;"
        " hãy cho --block N/M (ví dụ --block 3/3 cho điểm thứ ba trong ba điểm)",
    ),
    "e_block_without_point": (
        "--block needs a point: give --point too",
        "--block cần có điểm tiếp nhận: hãy cho cả --point",
    ),
    "e_station_file": (
        "cannot read this PC's station file {path}: {reason}",
        "không đọc được tệp thiết lập máy {path}: {reason}",
    ),
    "e_code_block_full": (
        "no dossier number left on {day:%d/%m/%Y} under {prefix} in this PC's block {first:04d}–{last:04d}: give a code",
        "hết số hồ sơ ngày {day:%d/%m/%Y} với mã đơn vị {prefix} trong dải {first:04d}–{last:04d} của máy này: hãy ghi mã hồ sơ",
    ),
    "e_copy_refused": (
        "cannot copy the {table} row {key}: {reason}; nothing was written",
        "không chép được dòng {key} của bảng {table}: {reason}; chưa ghi gì",
    ),
    "e_merge_self": ("{path} is this database itself", "{path} chính là cơ sở dữ liệu này"),
    "e_merge_conflicts": (
        "{n} conflict(s) between this database and {path}; nothing was written",
        "{n} điểm xung đột giữa cơ sở dữ liệu này và {path}; chưa ghi gì",
    ),
    "e_merge_bad": (
        "{n} value(s) in {path} that this database cannot hold; nothing was written",
        "{n} giá trị trong {path} mà cơ sở dữ liệu này không nhận được; chưa ghi gì",
    ),
    "mb_setting": ("setting: {reason}", "thiết lập: {reason}"),
    "mb_dossier": ("dossier {code}: {what}: {reason}", "hồ sơ {code}: {what}: {reason}"),
    "mb_event": ("audit event #{id}: {what}: {reason}", "sự kiện nhật ký #{id}: {what}: {reason}"),
    "mb_not_moment": (
        "{value!r} is not a moment (YYYY-MM-DDTHH:MM:SS)",
        "{value!r} không phải thời điểm (YYYY-MM-DDTHH:MM:SS)",
    ),
    "mb_before_receipt": (
        "{at:%d/%m/%Y %H:%M} is before the receipt ({received:%d/%m/%Y %H:%M})",
        "{at:%d/%m/%Y %H:%M} sớm hơn lúc tiếp nhận ({received:%d/%m/%Y %H:%M})",
    ),
    "mc_case_twin": (
        "dossier {code}: this database gave that code as {ours!r}; codes that differ only in letter case"
        " are one code",
        "hồ sơ {code}: cơ sở dữ liệu này đã cấp mã đó dưới dạng {ours!r}; mã chỉ khác chữ hoa, chữ thường"
        " là cùng một mã",
    ),
    "mc_receipt": (
        "dossier {code}: two different receipts under one code: here {ours}; there {theirs}",
        "hồ sơ {code}: hai lần tiếp nhận khác nhau cùng một mã: ở đây {ours}; bên kia {theirs}",
    ),
    "mc_side": (
        "{procedure} received {at:%d/%m/%Y %H:%M} from {applicant}",
        "{procedure} tiếp nhận {at:%d/%m/%Y %H:%M} của {applicant}",
    ),
    "mc_no_row": ("receipt undone", "đã huỷ tiếp nhận"),
    "mc_diverged": (
        "dossier {code}: the two points recorded different steps after {common} in common: here {ours}; there {theirs}",
        "hồ sơ {code}: hai điểm ghi nhận các bước khác nhau sau {common} bước chung: ở đây {ours}; bên kia {theirs}",
    ),
    "mc_step": ("{step} at {at:%d/%m/%Y %H:%M}", "{step} lúc {at:%d/%m/%Y %H:%M}"),
    "mc_procedure": (
        "procedure {code}: {column} is {ours!r} here and {theirs!r} there",
        "thủ tục {code}: {column} ở đây là {ours!r}, bên kia là {theirs!r}",
    ),
    "mc_alias": (
        "procedure {code}: its alias {alias!r} is procedure {other}'s here",
        "thủ tục {code}: tên viết tắt {alias!r} ở đây đã dùng cho thủ tục {other}",
    ),
    "mc_point_prefix": (
        "point {name}: unit code {ours!r} here and {theirs!r} there",
        "điểm {name}: mã đơn vị ở đây là {ours!r}, bên kia là {theirs!r}",
    ),
    "mc_calendar": (
        "{day:%d/%m/%Y}: a {ours} here, a {theirs} there",
        "ngày {day:%d/%m/%Y}: ở đây là {ours}, bên kia là {theirs}",
    ),
    "merged": ("Merged {path}:", "Đã hợp nhất {path}:"),
    "merge_dry": (
        "Dry run: merging {path} would bring (nothing was written):",
        "Chạy thử: hợp nhất {path} sẽ đưa vào (chưa ghi gì):",
    ),
    "merge_nothing": (
        "Nothing to merge from {path}: this database already holds all of it",
        "Không có gì để hợp nhất từ {path}: cơ sở dữ liệu này đã có đủ",
    ),
    "merge_dossiers": (
        "dossiers: {added} added, {updated} moved on at the other point, {removed} whose receipt was undone there",
        "hồ sơ: thêm {added}, cập nhật {updated} đã xử lý tiếp ở bên kia, bỏ {removed} đã huỷ tiếp nhận ở bên kia",
    ),
    "merge_table": ("{table}: {n} added", "{table}: thêm {n}"),
    "merge_relaid": (
        "{n} open dossier(s) got a new due date from the calendar days that came",
        "{n} hồ sơ đang giải quyết được tính lại ngày hẹn theo các ngày điều chỉnh lịch mới",
    ),
    "merge_whole": (
        "a new database: settings and event numbers copied as they were",
        "cơ sở dữ liệu mới: đã chép nguyên thiết lập và số thứ tự nhật ký",
    ),
    "t_events": ("audit events", "sự kiện nhật ký"),
    "t_procedures": ("procedures", "thủ tục"),
    "t_officers": ("officers", "cán bộ"),
    "t_points": ("reception points", "điểm tiếp nhận"),
    "t_calendar_days": ("calendar days", "ngày điều chỉnh lịch"),
    "exported_full": (
        "Wrote a full export to {path}: {dossiers} dossier(s), {rounds} supplement round(s), {events} audit event(s), {procedures} procedure(s)",
        "Đã xuất toàn bộ ra {path}: {dossiers} hồ sơ, {rounds} lần yêu cầu bổ sung, {events} sự kiện nhật ký, {procedures} thủ tục",
    ),
    "exported_procedures": ("Exported {n} procedure(s) to {path}", "Đã xuất {n} thủ tục ra {path}"),
    "e_full_filters": (
        "--full exports everything: it takes no filters",
        "--full xuất toàn bộ: không dùng kèm bộ lọc",
    ),
    "e_full_suffix": (
        "{path}: a full export is a .jsonl or .xlsx file",
        "{path}: bản xuất toàn bộ phải là tệp .jsonl hoặc .xlsx",
    ),
    "e_full_file": (
        "{path} is not a tthc full export (made by `tthc export --full`)",
        "{path} không phải bản xuất toàn bộ của tthc (tạo bằng `tthc export --full`)",
    ),
    "e_full_row": ("{path}: {where}: {reason}", "{path}: {where}: {reason}"),
    # -- the web side --------------------------------------------------------------------
    "e_password_short": (
        "the manager password needs at least {n} characters",
        "mật khẩu quản lý cần ít nhất {n} ký tự",
    ),
    "e_public_url": (
        "bad public_url {text!r}: expected an address like http://192.168.1.10:8080 or https://…",
        "public_url không hợp lệ {text!r}: cần địa chỉ dạng http://192.168.1.10:8080 hoặc https://…",
    ),
    "e_db_unreadable": (
        "cannot read the database {path}: {reason}",
        "không đọc được cơ sở dữ liệu {path}: {reason}",
    ),
    "e_listen": ("cannot listen on {host}:{port}: {reason}", "không mở được {host}:{port}: {reason}"),
    "web_serving": (
        "Serving {path} read-only at {url} — look-up /, board /bang, dashboard /quan-ly. Ctrl+C stops.",
        "Đang phục vụ {path} (chỉ đọc) tại {url} — tra cứu /, bảng chờ /bang, quản lý /quan-ly. Ctrl+C để dừng.",
    ),
    "web_exposed": (
        "warning: listening on {host}, not only on this machine: anyone on the network can open the"
        " look-up page (/) and the waiting-room board (/bang: codes and initials of results ready)",
        "lưu ý: đang mở trên {host}, không chỉ máy này: mọi máy trong mạng đều mở được trang tra cứu (/)"
        " và bảng chờ (/bang: mã hồ sơ và tên viết tắt của hồ sơ đã có kết quả)",
    ),
    "web_exposed_password": (
        "the dashboard (/quan-ly) and printouts, with names and phone numbers, ask for the manager password",
        "trang quản lý (/quan-ly) và trang in, có họ tên và số điện thoại, đòi mật khẩu quản lý",
    ),
    "web_exposed_local": (
        "the dashboard (/quan-ly) and printouts answer this machine only until"
        " `tthc config set manager_password` is set",
        "trang quản lý (/quan-ly) và trang in chỉ mở trên máy này cho đến khi đặt"
        " `tthc config set manager_password`",
    ),
    "web_lookup_title": ("Look up your dossier", "Tra cứu hồ sơ"),
    "web_lookup_intro": (
        "Type the dossier code printed on your receipt slip and the last four digits of the phone"
        " number or ID number you gave when you handed the dossier in.",
        "Nhập mã hồ sơ in trên giấy tiếp nhận và bốn số cuối của số điện thoại hoặc số CCCD"
        " đã khai khi nộp hồ sơ.",
    ),
    "web_check_label": ("Last 4 digits of your phone or ID number", "4 số cuối điện thoại hoặc CCCD"),
    "web_submit": ("Look up", "Tra cứu"),
    "web_not_found": (
        "No dossier matches this code and these digits. Check both and try again. If you gave"
        " neither a phone nor an ID number, please ask at the counter.",
        "Không tìm thấy hồ sơ khớp với mã và bốn số đã nhập. Xin kiểm tra lại cả hai. Nếu khi nộp"
        " không khai số điện thoại hay CCCD, xin hỏi tại quầy.",
    ),
    "web_bad_code": (
        "That is not a dossier code: letters, digits, dots and dashes, at most 60 of them.",
        "Mã hồ sơ không hợp lệ: chỉ gồm chữ, số, dấu chấm và gạch ngang, tối đa 60 ký tự.",
    ),
    "web_bad_check": ("Type exactly four digits.", "Xin nhập đúng bốn chữ số."),
    "web_status_processing": ("Being processed", "Đang giải quyết"),
    "web_status_paused": ("Waiting for more papers from you", "Chờ bổ sung hồ sơ"),
    "web_status_resolved": ("Result ready — please come and collect it", "Đã có kết quả — mời đến nhận"),
    "web_status_returned": ("Result handed over", "Đã trả kết quả"),
    "web_status_withdrawn": ("Dossier withdrawn", "Đã rút hồ sơ"),
    "web_papers_asked": ("Papers asked for", "Giấy tờ cần bổ sung"),
    "web_papers_unnamed": ("please ask at the counter", "xin hỏi tại quầy"),
    "web_due_after_papers": (
        "A new appointment is set when the papers are complete.",
        "Ngày hẹn mới được tính khi nhận đủ hồ sơ bổ sung.",
    ),
    "web_new_date": ("New appointment (letter of apology)", "Ngày hẹn mới (theo thư xin lỗi)"),
    "web_moment": ("{day} at {time}", "{time}, {day}"),
    "web_again": ("Look up another dossier", "Tra cứu hồ sơ khác"),
    "web_other_lang": ("Tiếng Việt", "English"),
    "web_board_title": ("Results ready for collection", "Hồ sơ đã có kết quả — mời nhận"),
    "web_board_hint": (
        "Please bring your receipt slip and your ID card to the counter.",
        "Xin mang giấy tiếp nhận và CCCD đến quầy trả kết quả.",
    ),
    "web_board_empty": ("No results are waiting for collection.", "Hiện chưa có kết quả chờ trả."),
    "web_board_more": ("… and more: please ask at the counter", "… và các hồ sơ khác: xin hỏi tại quầy"),
    "web_updated": ("Updated {at}", "Cập nhật lúc {at}"),
    "web_dash_title": ("Today at the center", "Tình hình hôm nay"),
    "web_group_overdue": ("Overdue", "Quá hạn"),
    "web_group_today": ("Due today", "Đến hạn hôm nay"),
    "web_group_soon": ("Due within two working days", "Đến hạn trong hai ngày làm việc"),
    "web_more_rows": (
        "Only the first {n} are listed; `tthc list` shows them all.",
        "Chỉ liệt kê {n} hồ sơ đầu; `tthc list` cho xem tất cả.",
    ),
    "web_month": ("This month, {start} to {end}", "Tháng này, từ {start} đến {end}"),
    "web_error_title": ("Sorry", "Xin lỗi"),
    "web_e_400": ("The request is not valid.", "Yêu cầu không hợp lệ."),
    "web_e_401": ("This page needs the manager password.", "Trang này cần mật khẩu quản lý."),
    "web_e_403": (
        "This page is for the center's managers, on the center's own computer.",
        "Trang này dành cho lãnh đạo trung tâm, trên máy của trung tâm.",
    ),
    "web_e_404": ("There is no such page.", "Không có trang này."),
    "web_e_405": ("This page cannot be used that way.", "Không dùng được trang này theo cách đó."),
    "web_e_413": ("The request is too large.", "Yêu cầu quá lớn."),
    "web_e_429": (
        "Too many attempts from this device. Please wait a few minutes and try again.",
        "Thử quá nhiều lần từ thiết bị này. Xin đợi vài phút rồi thử lại.",
    ),
    "web_e_500": (
        "Something went wrong on the server. Please tell the counter.",
        "Máy chủ gặp lỗi. Xin báo cho cán bộ tại quầy.",
    ),
    "web_e_503": (
        "The center's data cannot be read right now. Please try again later.",
        "Hiện không đọc được dữ liệu của trung tâm. Xin thử lại sau.",
    ),
    "web_home": ("Back to the look-up", "Về trang tra cứu"),
    # --- merge ---
    "e_source_damaged": (
        "{path} is damaged or cut short, so it cannot be merged: {reason}; nothing was written. Ask the other point for a new copy (tthc backup)",
        "{path} bị hỏng hoặc bị cắt cụt nên không hợp nhất được: {reason}; chưa ghi gì. Xin bên kia gửi bản sao mới (tthc backup)",
    ),
    "setting.center_id": (
        "Which center this database belongs to (drawn at init, kept by every copy)",
        "Cơ sở dữ liệu này thuộc trung tâm nào (tạo khi init, mọi bản sao giữ nguyên)",
    ),
    "e_other_center": (
        "{path} is another center's file: {theirs} there, {ours} here; nothing was written. Merge it only if you mean to, with --other-center",
        "{path} là tệp của trung tâm khác: bên kia {theirs}, ở đây {ours}; chưa ghi gì. Chỉ hợp nhất khi thật sự muốn, với --other-center",
    ),
    "e_keep_not_held": (
        "no conflict held between this database and {path} for {codes}: --keep settles only dossiers this merge holds aside; nothing was written",
        "không có xung đột nào giữa cơ sở dữ liệu này và {path} đối với {codes}: --keep chỉ giải quyết hồ sơ mà lần hợp nhất này để riêng; chưa ghi gì",
    ),
    "e_keep_needs": (
        "--keep needs the codes of the dossiers to settle and --reason",
        "--keep cần mã các hồ sơ cần giải quyết và --reason",
    ),
    "mh_uid_taken": (
        "audit event {uid} of dossier {code}: that uid is an event of {here} in this database",
        "sự kiện nhật ký {uid} của hồ sơ {code}: mã uid đó là một sự kiện của {here} trong cơ sở dữ liệu này",
    ),
    "mh_receipt": (
        "the row's receipt is not the one its receive event records",
        "ngày tiếp nhận trong dòng không khớp với sự kiện tiếp nhận",
    ),
    "mh_counting": (
        "the receipt's counting is not one its time limit gives",
        "cách tính hạn khi tiếp nhận không khớp với thời hạn giải quyết",
    ),
    "mh_history": ("its history", "lịch sử của hồ sơ"),
    "mh_disagrees": (
        "{row} in its row, {history} by its own history",
        "dòng ghi {row}, lịch sử của hồ sơ cho {history}",
    ),
    "mh_rounds": (
        "the supplement rounds are not those its history gives",
        "các lần yêu cầu bổ sung không khớp với lịch sử của hồ sơ",
    ),
    "mc_rewritten": (
        "dossier {code}: its {step} at {at:%d/%m/%Y %H:%M} is recorded differently here and there",
        "hồ sơ {code}: bước {step} lúc {at:%d/%m/%Y %H:%M} được ghi khác nhau ở đây và bên kia",
    ),
    "mc_steps": (
        "dossier {code}: steps that cannot both stand: here {ours}; there {theirs}",
        "hồ sơ {code}: hai bước không thể cùng đứng: ở đây {ours}; bên kia {theirs}",
    ),
    "mc_field": (
        "dossier {code}: {field} edited to {ours!r} here and {theirs!r} there",
        "hồ sơ {code}: {field} được sửa thành {ours!r} ở đây và {theirs!r} bên kia",
    ),
    "mc_receipt_undone": (
        "dossier {code}: its receipt was undone at one point ({at:%d/%m/%Y %H:%M}) while the other went on with it ({step})",
        "hồ sơ {code}: một điểm đã hoàn tác việc tiếp nhận ({at:%d/%m/%Y %H:%M}) trong khi điểm kia vẫn tiếp tục xử lý ({step})",
    ),
    "e_keep_undone_receipt": (
        "the receipt of {code} was undone {side}: only --keep {side} settles it (receive the dossier again under a new code if it is real); nothing was written",
        "việc tiếp nhận hồ sơ {code} đã bị hoàn tác ({side}): chỉ --keep {side} giải quyết được (nếu hồ sơ có thật, tiếp nhận lại với mã mới); chưa ghi gì",
    ),
    "kind_kept": ("kept at a merge", "giữ khi hợp nhất"),
    "s_kept": ("kept at a merge", "giữ khi hợp nhất"),
    "mc_no_step": ("no step", "không có bước nào"),
    "merge_held": (
        "{n} dossier(s) held aside for a decision (the rest merged); settle each with tthc merge {path} --keep here|there CODE… --reason TEXT:",
        "{n} hồ sơ được để riêng chờ quyết định (phần còn lại đã hợp nhất); giải quyết từng hồ sơ bằng tthc merge {path} --keep here|there MÃ… --reason LÝ_DO:",
    ),
    "help.merge.codes": (
        "With --keep: the dossiers held aside to settle.",
        "Dùng với --keep: các hồ sơ đang để riêng cần giải quyết.",
    ),
    "help.merge.keep": (
        "Settle held dossiers: keep this database's version (here) or the other file's (there); recorded as a correction.",
        "Giải quyết hồ sơ để riêng: giữ bản ở đây (here) hoặc bản của tệp kia (there); được ghi lại như một lần đính chính.",
    ),
    "help.merge.reason": ("Why (with --keep).", "Lý do (dùng với --keep)."),
    "help.merge.other_center": (
        "Merge a file of another center (another unit code or center identity) all the same.",
        "Vẫn hợp nhất tệp của trung tâm khác (mã đơn vị hoặc định danh trung tâm khác).",
    ),
    "merge_settled": ("settled by decision: {codes}", "đã giải quyết theo quyết định: {codes}"),
    "e_center_id": (
        "bad center identity {text!r}: expected 32 hexadecimal digits, as config show prints it",
        "mã định danh trung tâm {text!r} không hợp lệ: cần 32 chữ số thập lục phân, như config show in ra",
    ),
    # --- calendar ---
    "hol_new_year": ("New Year's Day", "Tết Dương lịch"),
    "hol_tet_29": ("29th of the last lunar month (Tết)", "29 Tết"),
    "hol_tet_eve": ("Lunar New Year's Eve", "Giao thừa Tết Nguyên đán"),
    "hol_tet_1": ("Lunar New Year", "Tết Nguyên đán"),
    "hol_tet_2": ("Second day of Lunar New Year", "Mùng hai Tết Nguyên đán"),
    "hol_tet_3": ("Third day of Lunar New Year", "Mùng ba Tết Nguyên đán"),
    "hol_tet_4": ("Fourth day of Lunar New Year", "Mùng bốn Tết Nguyên đán"),
    "hol_tet_5": ("Fifth day of Lunar New Year", "Mùng năm Tết Nguyên đán"),
    "hol_hung_kings": ("Hung Kings' Commemoration Day", "Giỗ Tổ Hùng Vương"),
    "hol_reunification": ("Reunification Day (30 April)", "Ngày Chiến thắng (30/4)"),
    "hol_labour": ("International Labour Day", "Ngày Quốc tế Lao động"),
    "hol_national": ("National Day", "Quốc khánh"),
    "hol_culture": ("Vietnam Culture Day", "Ngày Văn hóa Việt Nam"),
    "hol_in_lieu": ("{name} (day off in lieu)", "{name} (nghỉ bù)"),
    "hol_swapped": ("Day off, worked instead on {day}", "Ngày nghỉ hoán đổi, làm bù ngày {day}"),
    "hol_unknown": ("Public holiday", "Ngày nghỉ lễ"),
    "cal_culture_day_pending": (
        "awaiting an amendment of Labour Code Art. 112",
        "chờ sửa đổi Điều 112 Bộ luật Lao động",
    ),
    "unconfirmed_day": (
        "unconfirmed: {day} is a day off no decision has put in force yet; the center confirms or rejects it",
        "chưa xác nhận: {day} là ngày nghỉ chưa có quyết định áp dụng; trung tâm xác nhận hoặc bác bỏ",
    ),
    "x_holiday_unconfirmed": ("{name} (unconfirmed), skipped", "{name} (chưa xác nhận), không tính"),
    "source_decision": ("national decision", "quyết định của Nhà nước"),
    "cal_status_unconfirmed": ("unconfirmed", "chưa xác nhận"),
    "cal_status_confirmed": ("confirmed by the center", "trung tâm đã xác nhận"),
    "cal_status_rejected": ("rejected by the center: a working day", "trung tâm bác bỏ: ngày làm việc"),
    "cal_confirmed": ("{day}: confirmed as a day off", "{day}: đã xác nhận là ngày nghỉ"),
    "cal_rejected": ("{day}: rejected, a working day", "{day}: đã bác bỏ, là ngày làm việc"),
    "w_confirmed": ("confirmed", "đã xác nhận"),
    "w_rejected": ("rejected", "đã bác bỏ"),
    "e_not_unconfirmed": (
        "{day} is not an unconfirmed day off (see tthc calendar show)",
        "ngày {day} không phải ngày nghỉ chưa xác nhận (xem tthc calendar show)",
    ),
    "e_ruled_already": ("{day} is already {state}", "ngày {day} đã được {state}"),
    "s_calendar.confirm": ("day off confirmed", "xác nhận ngày nghỉ"),
    "s_calendar.reject": ("day off rejected", "bác bỏ ngày nghỉ"),
    "s_due.correction": ("due date differs from the calendar", "ngày hẹn khác lịch hiện hành"),
    "overdue": ("overdue", "quá hạn"),
    "not_due": ("not yet due", "chưa đến hạn"),
    "cal_check_none": (
        "Every stored due date is the one today's calendar gives.",
        "Mọi ngày hẹn đã lưu đều đúng với lịch hiện hành.",
    ),
    "cal_check_title": (
        "{n} dossier(s) whose stored due date differs from today's calendar",
        "{n} hồ sơ có ngày hẹn đã lưu khác lịch hiện hành",
    ),
    "cal_check_stored": ("Stored due", "Hẹn đã lưu"),
    "cal_check_calendar": ("By today's calendar", "Theo lịch hiện hành"),
    "cal_check_action": ("With --apply", "Khi --apply"),
    "cal_check_changes": ("changes", "thay đổi"),
    "cal_check_relay": ("laid again", "tính lại ngày hẹn"),
    "cal_check_correction": ("closed: for a correction", "đã kết thúc: ghi nhận đính chính"),
    "cal_check_noted": ("closed: correction recorded", "đã kết thúc: đã ghi nhận đính chính"),
    "cal_check_applied": (
        "{relaid} open dossier(s) laid again, {noted} closed dossier(s) noted for a correction",
        "{relaid} hồ sơ đang giải quyết được tính lại, {noted} hồ sơ đã kết thúc được ghi nhận đính chính",
    ),
    "kind_calendar": ("calendar", "theo lịch"),
    "t_calendar_rulings": ("verdicts on unconfirmed days", "xác nhận ngày nghỉ chưa xác nhận"),
    "mc_ruling": (
        "{day:%d/%m/%Y}: {ours} here, {theirs} there",
        "ngày {day:%d/%m/%Y}: ở đây {ours}, bên kia {theirs}",
    ),
    "hx_calendar_note": (
        "due {old} kept; today's calendar gives {new} ({before} → {after}): for a correction",
        "giữ hẹn {old}; lịch hiện hành cho {new} ({before} → {after}): cần đính chính",
    ),
    "e_apply_needs_reason": (
        "--apply needs --reason TEXT: say why the due dates are laid again",
        "--apply cần --reason: ghi lý do tính lại ngày hẹn",
    ),
    "help.calendar.confirm": (
        "Confirm an unconfirmed day off (one the holidays package lists with no decision in force).",
        "Xác nhận một ngày nghỉ chưa xác nhận (gói holidays có nhưng chưa có quyết định áp dụng).",
    ),
    "help.calendar.reject": (
        "Reject an unconfirmed day off: it is a working day at this center.",
        "Bác bỏ một ngày nghỉ chưa xác nhận: trung tâm làm việc ngày đó.",
    ),
    "help.calendar.check": (
        "List every dossier whose stored due date differs from today's calendar.",
        "Liệt kê mọi hồ sơ có ngày hẹn đã lưu khác lịch hiện hành.",
    ),
    "help.calendar.apply": (
        "Lay the open ones again and note the closed ones for a correction (needs --reason).",
        "Tính lại hồ sơ đang giải quyết và ghi nhận đính chính cho hồ sơ đã kết thúc (cần --reason).",
    ),
    # --- web ---
    "web_out_of_files": (
        "warning: out of file handles; {n} connection(s) not accepted (said at most once a minute)",
        "cảnh báo: hết lượt mở tệp của hệ thống; {n} kết nối không được nhận (báo tối đa mỗi phút một lần)",
    ),
    "web_due_replaced": (
        "Former appointment (replaced by the new one)",
        "Ngày hẹn cũ (đã thay bằng ngày hẹn mới)",
    ),
    # --- forms ---
    "p04_title_2025": (
        "LETTER OF APOLOGY AND REQUEST FOR MORE TIME",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
    ),
    "p05s_title": ("NOTICE THAT HANDLING OF THE DOSSIER STOPS", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
    "p05s_withdrawn": (
        "On {when}, you asked that the handling of this dossier stop.",
        "Vào {when}, Ông/Bà/tổ chức đã đề nghị dừng giải quyết hồ sơ nêu trên.",
    ),
    "p05s_asked": (
        "On {when}, {center} asked you to supplement and complete the dossier with:",
        "Vào {when}, {center} đã yêu cầu Ông/Bà/tổ chức bổ sung, hoàn thiện hồ sơ gồm:",
    ),
    "p05s_not_completed": (
        "More than 15 days after that request, the dossier has not been completed.",
        "Đã quá 15 ngày kể từ ngày thông báo, hồ sơ chưa được bổ sung, hoàn thiện.",
    ),
    "p05s_reason": ("Reason", "Lý do"),
    "p05s_stopped": (
        "{center} stops handling the dossier as of {when}.",
        "{center} dừng giải quyết hồ sơ kể từ {when}.",
    ),
    "p05s_return": (
        "The paper dossier and any fees paid are returned as the law of the field provides.",
        "Việc trả lại hồ sơ giấy và phí, lệ phí đã nộp (nếu có) thực hiện theo quy định của pháp luật chuyên ngành.",
    ),
    "p05s_notice": ("We inform you accordingly./.", "Xin thông báo để Ông/Bà/tổ chức được biết./."),
    "e_form05_stop": (
        "dossier {code} has not stopped: form 05 is written when a dossier is withdrawn or closed",
        "hồ sơ {code} chưa dừng giải quyết: mẫu 05 chỉ lập khi hồ sơ được rút hoặc bị đóng",
    ),
    "e_form_is_logbook": (
        "form {form} of Circular {circular} is the log book, not a slip: print it with `tthc logbook`",
        "mẫu {form} của Thông tư {circular} là sổ theo dõi hồ sơ, không phải phiếu: in bằng `tthc logbook`",
    ),
    "e_form_not_in_set": (
        "dossier {code} is printed on the forms of Circular {circular}, which has no form {form}:"
        " choose {numbers}",
        "hồ sơ {code} in theo mẫu của Thông tư {circular}, không có mẫu {form}: chọn {numbers}",
    ),
    # --- sheets ---
    "w_name_twins": (
        "Note: {names} are one name written in different ways (registered before names were "
        "compared without diacritics), and their work is counted apart. Type the name exactly "
        "as registered to choose one.",
        "Lưu ý: {names} là một tên viết theo nhiều cách (đăng ký trước khi tên được so sánh "
        "không dấu), nên công việc của họ được đếm riêng. Gõ đúng tên như khi đăng ký để chọn một người.",
    ),
    # the columns and words of `officers --out` and `late --out` (English: as in the JSON)
    "fh_handed_over": ("handed_over", "Nhận chuyển giao"),
    "fh_overdue": ("overdue", "Quá hạn chưa xong"),
    "fh_load": ("load", "Khối lượng"),
    "fh_share": ("share", "Tỷ trọng (%)"),
    "fh_list": ("list", "Danh sách"),
    "fh_due_date": ("due_date", "Hạn giải quyết"),
    "fh_working_days_late": ("working_days_late", "Số ngày làm việc trễ"),
    "fh_apology_issued_at": ("apology_issued_at", "Ngày xin lỗi"),
    "fh_apology_in_time": ("apology_in_time", "Xin lỗi kịp thời"),
    "fh_new_date": ("new_date", "Ngày hẹn lại"),
    "fh_promise": ("promise", "Đúng hẹn lại?"),
    "fh_requested_at": ("requested_at", "Yêu cầu bổ sung lúc"),
    "fh_reason": ("reason", "Lý do"),
    "fh_kind": ("kind", "Điều chỉnh"),
    "fh_step": ("step", "Bước"),
    "fh_step_at": ("step_at", "Bước đã ghi lúc"),
    "fh_corrected_at": ("corrected_at", "Điều chỉnh lúc"),
    "fh_actor": ("actor", "Người thực hiện"),
    "lv_resolved_late": ("resolved_late", "Giải quyết quá hạn"),
    "lv_open_overdue": ("open_overdue", "Đang giải quyết, quá hạn"),
    "lv_late_requests": ("late_requests", "Yêu cầu bổ sung khi đã quá hạn"),
    "lv_corrections": ("corrections", "Quá trình xử lý được điều chỉnh"),
    "w_yes": ("yes", "có"),
    "w_no": ("no", "không"),
    "sheet_summary": ("summary", "Tổng hợp"),
    "sheet_officers": ("officers", "Cán bộ"),
    "sheet_late": ("late", "Trễ hạn"),
    "sheet_dossiers": ("dossiers", "Hồ sơ"),
    "w_month": ("month", "tháng"),
    # --- scorecard ---
    "help.indicators": (
        "The province's scorecard (Decision 766): each indicator the center's records can give, "
        "with its rate, threshold and points, and the II.06a on-time rate beside indicator 2.1's.",
        "Bộ chỉ số đánh giá của tỉnh (Quyết định 766): từng chỉ số tính được từ sổ của trung tâm, "
        "tỷ lệ, ngưỡng, điểm; tỷ lệ đúng hạn theo Biểu II.06a bên cạnh chỉ số 2.1.",
    ),
    "help.indicators.by": ("Split by field or procedure.", "Chia theo lĩnh vực hoặc thủ tục."),
    "help.indicators.out": (
        "Write the scorecard to an .xlsx or .csv file.",
        "Ghi bộ chỉ số ra tệp .xlsx hoặc .csv.",
    ),
    "help.opt.e_result": (
        "The result is issued electronically (default: the procedure's catalog entry).",
        "Kết quả được cấp bản điện tử (mặc định: theo danh mục thủ tục).",
    ),
    "help.opt.dossier_fee": (
        "Fee or charge of this dossier in đồng (default: the procedure's fee).",
        "Phí, lệ phí của hồ sơ này, tính bằng đồng (mặc định: lệ phí của thủ tục).",
    ),
    "help.opt.paid": (
        "How the fee was paid: cash, online or exempt (default: cash where there is a fee).",
        "Hình thức nộp phí: cash (tiền mặt), online (trực tuyến), exempt (miễn) (mặc định: tiền mặt nếu có phí).",
    ),
    "help.opt.digitised": (
        "The dossier was digitised at receipt (default: yes for online dossiers).",
        "Hồ sơ đã được số hóa khi tiếp nhận (mặc định: có với hồ sơ trực tuyến).",
    ),
    "help.opt.data_reused": (
        "Data already held was reused instead of asking for papers.",
        "Đã khai thác lại dữ liệu sẵn có thay vì yêu cầu nộp giấy tờ.",
    ),
    "help.return.rating": (
        "The citizen's rating: satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng).",
        "Đánh giá của người dân: hài lòng, bình thường, không hài lòng (satisfied, acceptable, unsatisfied).",
    ),
    "help.return.comment": ("The citizen's comment with the rating.", "Ý kiến của người dân kèm đánh giá."),
    "e_payment": (
        "bad payment {value!r}: expected cash, online or exempt",
        "hình thức nộp phí không hợp lệ {value!r}: cần cash, online hoặc exempt",
    ),
    "e_rating": (
        "bad rating {value!r}: expected satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng)",
        "đánh giá không hợp lệ {value!r}: cần hài lòng, bình thường hoặc không hài lòng",
    ),
    "e_comment_alone": (
        "a comment goes with a rating: give --rating too",
        "ý kiến phải đi kèm đánh giá: hãy ghi cả --rating",
    ),
    "e_rated_already": (
        "dossier {code} has been rated already: a citizen rates once",
        "hồ sơ {code} đã được đánh giá: mỗi hồ sơ chỉ đánh giá một lần",
    ),
    "w_comment": ("the comment", "Ý kiến"),
    "satisfied": ("satisfied", "hài lòng"),
    "acceptable": ("acceptable", "bình thường"),
    "unsatisfied": ("unsatisfied", "không hài lòng"),
    "ind_title": ("Scorecard (Decision 766) {start} – {end}", "Bộ chỉ số (Quyết định 766) {start} – {end}"),
    "ind_h_id": ("No.", "Số"),
    "ind_h_name": ("Indicator", "Chỉ số"),
    "ind_h_numerator": ("Numerator", "Tử số"),
    "ind_h_denominator": ("Denominator", "Mẫu số"),
    "ind_h_rate": ("Rate", "Tỷ lệ"),
    "ind_h_threshold": ("Threshold", "Ngưỡng"),
    "ind_h_points": ("Points", "Điểm"),
    "ind_h_max": ("Max", "Tối đa"),
    "ind_h_formula": ("Formula", "Công thức"),
    "ind_h_group": ("Group", "Nhóm"),
    "ind_not_ours": ("not from this center's records", "không có trong sổ của trung tâm"),
    "ind_assumed": ("(assumed)", "(giả định)"),
    "ind_total": (
        "Points from this center's records: {points} of {most}",
        "Điểm tính từ sổ của trung tâm: {points} / {most}",
    ),
    "ind_rates": (
        "On time: II.06a {ii06a} ({a} of {b} resolved) · indicator 2.1 {r766} ({c} of {d} handled) · difference {gap} percentage points",
        "Đúng hạn: Biểu II.06a {ii06a} ({a}/{b} hồ sơ đã giải quyết) · chỉ số 2.1 {r766} ({c}/{d} hồ sơ đã và đang xử lý) · chênh lệch {gap} điểm phần trăm",
    ),
    "ind_reason_open": (
        "{n} still handled at the period's end: 2.1 counts them (in time unless overdue), the II.06a does not",
        "{n} hồ sơ đang xử lý cuối kỳ: chỉ số 2.1 tính (trong hạn nếu chưa quá hạn), Biểu II.06a không tính",
    ),
    "ind_reason_waiting": (
        "{n} waiting for papers: 2.1 judges them at the request, the II.06a does not count them",
        "{n} hồ sơ chờ bổ sung: chỉ số 2.1 xét tại thời điểm yêu cầu bổ sung, Biểu II.06a không tính",
    ),
    "ind_reason_ended_otherwise": (
        "{n} withdrawn or stopped: 2.1 counts them as finished, the II.06a leaves them out",
        "{n} hồ sơ rút hoặc dừng xử lý: chỉ số 2.1 tính là đã kết thúc, Biểu II.06a không tính",
    ),
    "ind_reason_requests": (
        "{n} with more than one supplement request: late under 2.1",
        "{n} hồ sơ yêu cầu bổ sung hơn một lần: quá hạn theo chỉ số 2.1",
    ),
    "ind_reason_supplement_time": (
        "{n} judged otherwise because 2.1 subtracts the papers' time from the first appointment instead of counting the limit again",
        "{n} hồ sơ xét khác vì chỉ số 2.1 trừ thời gian bổ sung khỏi ngày hẹn đầu thay vì tính lại thời hạn",
    ),
    "ind_group": ("{by}: {key}", "{by}: {key}"),
    "ind_2.2_line": (
        "  2.2 {procedure}: {n} dossiers, average {average} against {limit}: {verdict}",
        "  2.2 {procedure}: {n} hồ sơ, trung bình {average} so với {limit}: {verdict}",
    ),
    "ind_within": ("within the limit", "trong thời hạn"),
    "ind_over": ("over the limit", "vượt thời hạn"),
    "ind_name_1.1": ("Procedures published on time", "Tỷ lệ TTHC công bố đúng hạn"),
    "ind_name_1.2": (
        "Procedures updated and disclosed on time",
        "Tỷ lệ TTHC được cập nhật, công khai đúng hạn",
    ),
    "ind_name_1.3": (
        "Procedures disclosed with every required part",
        "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành",
    ),
    "ind_name_1.4": ("Dossiers synchronised to the National Portal", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG"),
    "ind_name_2.1": ("Dossiers handled early or on time", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn"),
    "ind_name_2.2": (
        "Average handling time per procedure",
        "Thời gian giải quyết TTHC trung bình theo từng TTHC",
    ),
    "ind_name_3.1": ("Procedures offered online", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến"),
    "ind_name_3.2": ("Online services with dossiers", "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ"),
    "ind_name_3.3": ("Dossiers received online", "Tỷ lệ hồ sơ TTHC nộp trực tuyến"),
    "ind_name_3.5": (
        "Procedures with fees payable online",
        "Tỷ lệ TTHC có nghĩa vụ tài chính thanh toán trực tuyến",
    ),
    "ind_name_3.6": ("Dossiers paid online", "Tỷ lệ hồ sơ thanh toán trực tuyến"),
    "ind_name_4.1": ("Results issued electronically", "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử"),
    "ind_name_4.2": ("Dossiers digitised", "Tỷ lệ hồ sơ TTHC thực hiện số hóa hồ sơ"),
    "ind_name_4.3": ("Digitised data reused", "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa"),
    "ind_name_4.4": ("Digitised dossiers shared for reuse", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu"),
    "ind_name_4.5": ("Population data used", "Ứng dụng dữ liệu dân cư trong giải quyết TTHC"),
    "ind_name_5.1": ("Complaints and petitions by kind", "Tỷ lệ phản ánh, kiến nghị theo phân loại"),
    "ind_name_5.2": ("Complaints and petitions handled on time", "Tiến độ xử lý phản ánh, kiến nghị"),
    "ind_name_5.3": (
        "Satisfaction with complaint handling",
        "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
    ),
    "ind_name_5.4": (
        "Satisfaction with receipt and handling",
        "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
    ),
    "ind_formula_2.1": (
        "handled in time ÷ every dossier received or handled in the period (end less papers' time ≤ first appointment; >1 request late)",
        "hồ sơ đúng/trong hạn ÷ tổng hồ sơ tiếp nhận, xử lý trong kỳ (kết thúc trừ thời gian bổ sung ≤ ngày hẹn đầu; bổ sung >1 lần là quá hạn)",
    ),
    "ind_formula_2.2": (
        "procedures whose average handling time is within their limit ÷ procedures with results",
        "số TTHC có thời gian giải quyết trung bình trong thời hạn ÷ số TTHC có hồ sơ hoàn thành",
    ),
    "ind_formula_3.3": (
        "received online ÷ received in the period",
        "hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận trong kỳ",
    ),
    "ind_formula_3.6": (
        "paid online ÷ received with a fee to pay (not exempt)",
        "hồ sơ thanh toán trực tuyến ÷ hồ sơ tiếp nhận có phí phải nộp (không miễn)",
    ),
    "ind_formula_4.1": (
        "results issued electronically ÷ results issued in the period",
        "kết quả cấp bản điện tử ÷ kết quả đã cấp trong kỳ",
    ),
    "ind_formula_4.2": (
        "digitised at receipt, with any result electronic ÷ received in the period",
        "hồ sơ số hóa khi tiếp nhận và có kết quả điện tử (nếu đã có) ÷ hồ sơ tiếp nhận trong kỳ",
    ),
    "ind_formula_4.3": (
        "data already held reused ÷ received in the period",
        "hồ sơ khai thác lại dữ liệu ÷ hồ sơ tiếp nhận trong kỳ",
    ),
    "ind_formula_5.4": (
        "100% − late share (2.1) − share rated unsatisfied",
        "100% − tỷ lệ quá hạn (2.1) − tỷ lệ đánh giá không hài lòng",
    ),
    "officers_ratings": ("Ratings: {officer}: {counts}", "Đánh giá: {officer}: {counts}"),
    "web_rate_title": ("Rate our service", "Đánh giá sự phục vụ"),
    "web_rate_intro": (
        "Your dossier's code and the last 4 digits of your phone or ID number, then your rating. Once per dossier.",
        "Nhập mã hồ sơ và 4 số cuối điện thoại hoặc CCCD, rồi chọn mức đánh giá. Mỗi hồ sơ đánh giá một lần.",
    ),
    "web_rate_question": ("How satisfied are you?", "Ông/bà có hài lòng không?"),
    "web_rate_comment": ("Your comment (optional)", "Ý kiến (không bắt buộc)"),
    "web_rate_submit": ("Send my rating", "Gửi đánh giá"),
    "web_rate_done": (
        "Thank you: your rating has been recorded.",
        "Cảm ơn ông/bà: đánh giá đã được ghi nhận.",
    ),
    "web_rate_next": ("Rate another dossier", "Đánh giá hồ sơ khác"),
    "web_rate_not_found": (
        "No dossier matches this code and these digits.",
        "Không có hồ sơ nào khớp với mã và 4 số này.",
    ),
    "web_rate_not_returned": (
        "This dossier can be rated only within 7 days after its result was handed over.",
        "Chỉ đánh giá được trong 7 ngày kể từ khi nhận kết quả.",
    ),
    "web_rate_already": ("This dossier has been rated already.", "Hồ sơ này đã được đánh giá."),
    "web_rate_expired": (
        "This form was open too long: please fill it in again.",
        "Trang đã mở quá lâu: xin nhập lại.",
    ),
    "fh_fee": ("fee", "Phí, lệ phí"),
    "fh_payment": ("payment", "Hình thức nộp phí"),
    "fh_digitised": ("digitised", "Số hóa khi tiếp nhận"),
    "fh_data_reused": ("data_reused", "Khai thác lại dữ liệu"),
    "fh_e_result": ("e_result", "Kết quả điện tử"),
    "yes_word": ("yes", "có"),
    "no_word": ("no", "không"),
    "cash": ("cash", "tiền mặt"),
    "exempt": ("exempt", "miễn"),
    "e_yes_no": ("expected yes or no, not {value!r}", "cần có hoặc không, không phải {value!r}"),
    "show_facts": ("Scorecard facts", "Chỉ tiêu số hóa"),
    "show_rating": ("Citizen's rating", "Đánh giá của người dân"),
    "sheet_indicators": ("indicators", "Chỉ số 766"),
    "web_dash_ratings": ("Citizens' ratings in the period", "Đánh giá của người dân trong kỳ"),
    "w_e_result": ("electronic result", "kết quả điện tử"),
    "web_dash_rates": ("The two on-time rates", "Hai tỷ lệ đúng hạn"),
    "web_rate_ii06a": ("on time, II.06a (resolved)", "đúng hạn theo Biểu II.06a (đã giải quyết)"),
    "web_rate_766": ("on time, indicator 2.1 (handled)", "đúng hạn theo chỉ số 2.1 (đã và đang xử lý)"),
    "web_dash_scorecard": ("Scorecard (Decision 766)", "Bộ chỉ số (Quyết định 766)"),
    "web_dash_period": ("Period", "Kỳ"),
    "web_period": ("The period {start} to {end}", "Kỳ từ {start} đến {end}"),
    "web_dash_show": ("Show", "Xem"),
    "web_rate_bad": (
        "Please give the code, the 4 digits and one of the three ratings.",
        "Xin nhập mã hồ sơ, 4 số cuối và chọn một trong ba mức đánh giá.",
    ),
    # --- restore ---
    "restored_new": ("Restored from {src}", "Đã khôi phục từ {src}"),
    "w_waiting_for_lock": (
        "Waiting: another command is writing to the database (a restore or an import); your step will be saved when it ends…",
        "Đang chờ: một lệnh khác đang ghi vào cơ sở dữ liệu (khôi phục hoặc nhập tệp); bước của bạn sẽ được lưu ngay khi lệnh đó xong…",
    ),
    # --- decree ---
    "w_days_ago": ("{n} days ago", "{n} ngày trước"),
    "w_months_ago": ("{n} months ago", "{n} tháng trước"),
    "e_late_entry": (
        "{when} lies more than {n} working days back: a date typed month first (09/03 for 3 September)? "
        "Give the date day first; if this really is a late entry, add --late-entry",
        "{when} cách đây hơn {n} ngày làm việc: có phải ngày gõ theo kiểu tháng trước (09/03 cho ngày 3/9)? "
        "Hãy gõ ngày trước, tháng sau; nếu đúng là nhập bù hồ sơ cũ, thêm --late-entry",
    ),
    "e_counter_day_off": (
        "{when} is a day the center is closed ({why}): no dossier is received at the counter then. "
        "Check the date; if this really is a late entry, add --late-entry",
        "{when} là ngày trung tâm nghỉ ({why}): không tiếp nhận hồ sơ trực tiếp tại quầy. "
        "Hãy kiểm tra lại ngày; nếu đúng là nhập bù, thêm --late-entry",
    ),
    "e_supplement_twice": (
        "papers were already asked for on dossier {code} ({at:%d/%m/%Y %H:%M}): Decree 118 Art. 11.2.c "
        "allows one request only; to record a second one anyway (a breach), add --again",
        "hồ sơ {code} đã được yêu cầu bổ sung ({at:%d/%m/%Y %H:%M}): Nghị định 118 Điều 11.2.c "
        "chỉ cho yêu cầu bổ sung một lần; nếu vẫn ghi lần thứ hai (là vi phạm), thêm --again",
    ),
    "e_again_first": (
        "--again is for a second request, but dossier {code} has no request yet",
        "--again dành cho lần yêu cầu thứ hai, nhưng hồ sơ {code} chưa có yêu cầu bổ sung nào",
    ),
    "e_submitted_after": (
        "the submission ({submitted:%d/%m/%Y %H:%M}) cannot be after the acceptance ({at:%d/%m/%Y %H:%M})",
        "thời điểm nộp ({submitted:%d/%m/%Y %H:%M}) không thể sau thời điểm tiếp nhận ({at:%d/%m/%Y %H:%M})",
    ),
    "e_submitted_online": (
        "--submitted-at is for online dossiers only (--channel online)",
        "--submitted-at chỉ dùng cho hồ sơ trực tuyến (--channel online)",
    ),
    "e_forward_not_for": (
        "dossier {code} was received for this center, not for another authority (receive --for)",
        "hồ sơ {code} được tiếp nhận cho trung tâm này, không phải cho cơ quan khác (receive --for)",
    ),
    "e_forward_twice": (
        "dossier {code} was already forwarded ({at:%d/%m/%Y %H:%M})",
        "hồ sơ {code} đã được chuyển đi ({at:%d/%m/%Y %H:%M})",
    ),
    "closed": ("closed", "đã đóng"),
    "s_close": ("close", "đóng hồ sơ"),
    "s_forward": ("forward", "chuyển hồ sơ"),
    "s_notify": ("notify", "báo công dân"),
    "w_authority": ("authority", "cơ quan"),
    "warn_freeze": (
        "Warning: since 1/7/2025 Decree 118 Art. 19.5 says the time limit counts again from the start "
        "after the papers come ('tính lại từ đầu'); 'freeze' is the reading of some provinces before it",
        "Cảnh báo: từ 1/7/2025, Nghị định 118 Điều 19.5 quy định thời hạn giải quyết được tính lại từ đầu "
        "sau khi nhận đủ hồ sơ; 'freeze' là cách tính của một số tỉnh trước đó",
    ),
    "f06_closed_note": ("{n} closed (papers never came)", "Đóng {n} hồ sơ (không bổ sung)"),
    "h_closed": ("Closed", "Đóng"),
    "hs_closed": ("Cls", "Đóng"),
    "hl_closed": ("closed (papers never came)", "đóng hồ sơ (không bổ sung)"),
    "fh_closed": ("closed", "Đóng hồ sơ"),
    "lt_breaches": ("Duties of Decree 118 broken ({n})", "Vi phạm quy định của Nghị định 118 ({n})"),
    "lt_h_breach": ("Breach", "Vi phạm"),
    "lt_h_article": ("Article", "Điều"),
    "lt_h_breach_at": ("When", "Thời điểm"),
    "lt_h_breach_due": ("Due by", "Hạn phải làm"),
    "bk_second_supplement": ("papers asked a second time", "yêu cầu bổ sung lần thứ hai"),
    "bk_supplement_late": (
        "papers asked later than 3 working days after receipt",
        "yêu cầu bổ sung quá 03 ngày làm việc kể từ ngày tiếp nhận",
    ),
    "bk_apology_late": ("apology later than 1 day before the due date", "xin lỗi muộn hơn 01 ngày trước hạn"),
    "bk_acceptance_late": (
        "online dossier accepted after 8 working hours",
        "tiếp nhận hồ sơ trực tuyến quá 08 giờ làm việc",
    ),
    "bk_forward_late": (
        "paper dossier not sent on within 1 working day",
        "không chuyển hồ sơ giấy trong 01 ngày làm việc",
    ),
    "bk_close_overdue": (
        "not closed 15 days after the supplement request",
        "không đóng hồ sơ sau 15 ngày kể từ khi yêu cầu bổ sung",
    ),
    "wl_forward": ("Paper dossiers to send on to another authority", "Hồ sơ giấy cần chuyển cơ quan khác"),
    "wl_close": ("Papers not brought in 15 days: to close", "Quá 15 ngày không bổ sung: cần đóng hồ sơ"),
    "wl_notify": ("Citizens to tell", "Công dân cần báo"),
    "wl_for": ("For", "Chuyển cho"),
    "wl_send_by": ("Send by", "Chuyển trước hết ngày"),
    "wl_close_by": ("Close on", "Đóng từ ngày"),
    "wl_tell": ("To tell", "Cần báo"),
    "wl_tell_result": ("result ready before its date {date}", "kết quả có trước ngày hẹn {date}"),
    "wl_tell_new_date": ("apology: new date {date}", "thư xin lỗi: hẹn lại ngày {date}"),
    "closed_at": ("Closed", "Đóng hồ sơ lúc"),
    "submitted_at": ("Submitted online", "Nộp trực tuyến lúc"),
    "for_authority": ("Received for", "Tiếp nhận thay cho"),
    "forwarded_at": ("Forwarded", "Chuyển hồ sơ giấy lúc"),
    "notified_at": ("Citizen told", "Đã báo công dân lúc"),
    "hx_submitted": ("submitted online {at}", "nộp trực tuyến lúc {at}"),
    "hx_for": ("for {text}", "cho cơ quan {text}"),
    "web_status_closed": (
        "Closed: the papers asked for did not come",
        "Đã đóng hồ sơ: không bổ sung giấy tờ theo yêu cầu",
    ),
    "hx_again": (
        "a second request (Decree 118 Art. 11.2.c allows one)",
        "yêu cầu lần thứ hai (Nghị định 118 Điều 11.2.c chỉ cho một lần)",
    ),
    "fh_closed_at": ("closed_at", "Ngày đóng hồ sơ"),
    "fh_article": ("article", "Điều (NĐ 118)"),
    "fh_at": ("at", "Thời điểm vi phạm"),
    "fh_due": ("due", "Hạn phải làm"),
    "fh_done_at": ("done_at", "Đã làm lúc"),
    "lv_breaches": ("breaches", "Vi phạm Nghị định 118"),
    "help.opt.late_entry": (
        "Confirm a late entry: a moment more than 5 working days back, or a counter receipt on a day off.",
        "Xác nhận nhập bù: thời điểm cách đây hơn 5 ngày làm việc, hoặc tiếp nhận tại quầy vào ngày nghỉ.",
    ),
    "help.receive.submitted_at": (
        "Online only: when the provincial system received it (--at is the acceptance, where the clock starts).",
        "Chỉ hồ sơ trực tuyến: thời điểm hệ thống của tỉnh nhận hồ sơ (--at là thời điểm tiếp nhận, bắt đầu tính hạn).",
    ),
    "help.receive.for": (
        "Received here for another authority of the province: its paper dossier is forwarded within 1 working day.",
        "Tiếp nhận thay cho cơ quan khác trong tỉnh: hồ sơ giấy chuyển đi trong 01 ngày làm việc.",
    ),
    "help.supplement.again": (
        "Record a second request anyway (the decree allows one: it is listed as a breach).",
        "Vẫn ghi lần yêu cầu thứ hai (nghị định chỉ cho một lần: được ghi là vi phạm).",
    ),
    "help.close": (
        "Close a dossier whose papers never came (15 days after the request): it ends without a result.",
        "Đóng hồ sơ không được bổ sung (15 ngày sau khi yêu cầu): kết thúc không có kết quả.",
    ),
    "help.forward": (
        "The paper dossier received for another authority was sent on.",
        "Đã chuyển hồ sơ giấy tiếp nhận thay cho cơ quan khác.",
    ),
    "help.notify": (
        "The citizen was told (phone, SMS, e-mail): of a result ready early or of an apology's new date.",
        "Đã báo công dân (điện thoại, tin nhắn, thư điện tử): kết quả có sớm hoặc ngày hẹn mới.",
    ),
    "help.list.to_notify": (
        "Citizens to tell: results ready before their date and not collected, apologies' new dates not yet told.",
        "Công dân cần báo: kết quả có trước ngày hẹn chưa nhận, ngày hẹn mới trong thư xin lỗi chưa báo.",
    ),
    # --- fixmerge ---
    "e_other_identity": (
        "{path} is another center's file: {center} on both sides, but center identity {theirs} there and {ours} here (two databases set up apart, each with its own init); nothing was written. If it is this center's other point, give both one identity: tthc config set center_id {theirs} here (or start that point from a copy of the other's database), then merge again; to merge it as it is, --other-center",
        "{path} là tệp của trung tâm khác: cả hai bên đều là {center}, nhưng định danh trung tâm bên kia là {theirs}, ở đây là {ours} (hai cơ sở dữ liệu được tạo riêng, mỗi bên một lần init); chưa ghi gì. Nếu đó là điểm tiếp nhận kia của trung tâm này, hãy cho hai bên một định danh: tthc config set center_id {theirs} ở đây (hoặc lập điểm kia từ bản sao cơ sở dữ liệu của điểm này), rồi hợp nhất lại; muốn hợp nhất nguyên như vậy thì dùng --other-center",
    ),
    "e_restore_other_center": (
        "{path} is another center's database: {theirs} there, {ours} here; nothing was written. Put it in place of this center's database only if you mean to, with --other-center",
        "{path} là cơ sở dữ liệu của trung tâm khác: bên kia {theirs}, ở đây {ours}; chưa ghi gì. Chỉ khôi phục nó thay cho cơ sở dữ liệu của trung tâm này khi thật sự muốn, với --other-center",
    ),
    "e_restore_other_identity": (
        "{path} is another center's database: {center} on both sides, but center identity {theirs} there and {ours} here (not a backup of this database); nothing was written. Put it in place of this center's database only if you mean to, with --other-center",
        "{path} là cơ sở dữ liệu của trung tâm khác: cả hai bên đều là {center}, nhưng định danh trung tâm bên kia là {theirs}, ở đây là {ours} (không phải bản sao lưu của cơ sở dữ liệu này); chưa ghi gì. Chỉ khôi phục nó thay cho cơ sở dữ liệu của trung tâm này khi thật sự muốn, với --other-center",
    ),
    "help.init.center_id": (
        "A new database joins this center identity (32 hexadecimal digits, as the first point's init and config show print it) instead of drawing its own: set up another reception point of the same center.",
        "Cơ sở dữ liệu mới nhận định danh trung tâm này (32 chữ số thập lục phân, như init của điểm thứ nhất và config show in ra) thay vì tạo định danh riêng: lập một điểm tiếp nhận khác của cùng trung tâm.",
    ),
    "init_center_id": (
        "Center identity: {id} (set up the center's other points with tthc init … --center-id {id})",
        "Định danh trung tâm: {id} (lập các điểm tiếp nhận khác của trung tâm bằng tthc init … --center-id {id})",
    ),
    "help.restore.other_center": (
        "Restore a database of another center (another unit code or center identity) all the same.",
        "Vẫn khôi phục cơ sở dữ liệu của trung tâm khác (mã đơn vị hoặc định danh trung tâm khác).",
    ),
    # --- fixscreens ---
    "e_late_entry_plain": (
        "{when} lies more than {n} working days back. "
        "Check the date; if this really is a late entry, add --late-entry",
        "{when} cách đây hơn {n} ngày làm việc. "
        "Hãy kiểm tra lại ngày; nếu đúng là nhập bù hồ sơ cũ, thêm --late-entry",
    ),
    "f06_head": ("Head of unit", "Thủ trưởng đơn vị"),
    "due_closed": ("closed {at}", "đã đóng {at}"),
    # --- close not before its day ---
    "e_close_early": (
        "dossier {code}: papers were asked for on {asked:%d/%m/%Y %H:%M}; the dossier may be closed from {day:%d/%m/%Y} on, 15 days after the request (Decree 118 Art. 19.5); the applicant can withdraw it before",
        "hồ sơ {code}: đã yêu cầu bổ sung lúc {asked:%d/%m/%Y %H:%M}; chỉ được đóng hồ sơ từ ngày {day:%d/%m/%Y}, sau 15 ngày kể từ khi thông báo (Điều 19.5 Nghị định 118); trước đó người nộp có thể rút hồ sơ",
    ),
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


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def fmt_limit(lang: str, limit: object) -> str:
    """A time limit as people say it: ``3 ngày làm việc``, ``trong ngày``, ``8 working hours``.

    ``limit`` is a :class:`tthc.core.timelimit.TimeLimit` or its canonical text (``3wd``)."""
    text = str(limit)
    if text == "same-day":
        return t(lang, "lim_same_day")
    number, unit = text.rstrip("dwh"), text.lstrip("0123456789")
    if not number.isdigit() or unit not in ("wd", "d", "h"):
        return text
    return t(lang, f"lim_{unit}_1" if number == "1" else f"lim_{unit}", n=int(number))


class LimitWords:
    """A time limit inside a message (``Msg(..., limit=LimitWords("3wd"))``), said as
    :func:`fmt_limit` says it in the language the message is read in."""

    def __init__(self, limit: object) -> None:
        self.limit = limit

    def render(self, lang: str) -> str:
        return fmt_limit(lang, self.limit)


class ColumnWord:
    """A column of a file or a table inside a message (``what=ColumnWord("resolved_at")``),
    said by its heading in the language the message is read in (``Ngày giải quyết``)."""

    def __init__(self, column: str) -> None:
        self.column = column

    def render(self, lang: str) -> str:
        key = f"fh_{self.column}"
        return t(lang, key) if key in MESSAGES else self.column


class DayAgo:
    """A day spelled out with how long ago it was: ``Chủ nhật 09/03/2025, 6 tháng trước``."""

    def __init__(self, day: date, today: date) -> None:
        self.day = day
        self.today = today

    def render(self, lang: str) -> str:
        days = (self.today - self.day).days
        ago = t(lang, "w_months_ago", n=round(days / 30.44)) if days >= 60 else t(lang, "w_days_ago", n=days)
        return f"{fmt_day(lang, self.day)}, {ago}"


def fmt_money(lang: str, amount: int) -> str:
    """``75.000 đ`` in Vietnamese, ``75,000 VND`` in English."""
    grouped = f"{amount:,}"
    return t(lang, "money", amount=grouped.replace(",", ".") if lang == "vi" else grouped)


def fmt_month(lang: str, key: str) -> str:
    """A reporting month ``2025-07`` as ``tháng 7/2025`` or ``July 2025``."""
    year, _, month = key.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return key
    name = str(int(month)) if lang == "vi" else MONTHS_EN[int(month) - 1]
    return t(lang, "month_label", name=name, year=year)
