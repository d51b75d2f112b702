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
    # refusals (tthc.errors.TthcError keys) and the words they name
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
        "{text!r} is in the future (now is {now:%Y-%m-%d %H:%M})",
        "{text!r} là thời điểm trong tương lai (bây giờ là {now:%d/%m/%Y %H:%M})",
    ),
    "e_transition": (
        "cannot record {step} for dossier {code}: it is {status} ({step} needs {allowed})",
        "không thể ghi nhận “{step}” cho hồ sơ {code}: trạng thái hiện tại là “{status}” (“{step}” chỉ khi hồ sơ {allowed})",
    ),
    "e_step_order": (
        "{step} at {at:%Y-%m-%d %H:%M} is before the dossier's previous step ({last:%Y-%m-%d %H:%M})",
        "{step} lúc {at:%d/%m/%Y %H:%M} sớm hơn bước trước của hồ sơ ({last:%d/%m/%Y %H:%M})",
    ),
    "e_channel": (
        "bad channel {value!r}: expected direct, online or postal",
        "hình thức không hợp lệ {value!r}: chọn direct, online hoặc postal",
    ),
    "e_dossier_code": ("bad dossier code {code!r}", "mã hồ sơ không hợp lệ {code!r}"),
    "e_code_used": ("dossier code {code!r} is already used", "mã hồ sơ {code!r} đã được dùng"),
    "e_code_overflow": (
        "more than 9999 dossiers on {day:%d/%m/%Y} under {prefix}: give a code",
        "quá 9999 hồ sơ trong ngày {day:%d/%m/%Y} với mã đơn vị {prefix}: hãy ghi mã hồ sơ",
    ),
    "e_outcome": (
        "bad outcome {value!r}: expected approved or rejected",
        "kết quả không hợp lệ {value!r}: chọn approved hoặc rejected",
    ),
    "e_apology_twice": (
        "dossier {code} already has an apology (issued {at})",
        "hồ sơ {code} đã có thư xin lỗi (lập lúc {at})",
    ),
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
    "e_undo_pauses": (
        "dossier {code} has supplement records; undo them first",
        "hồ sơ {code} còn yêu cầu bổ sung; hãy hoàn tác chúng trước",
    ),
    "e_due_within": (
        "bad --due-within {n}: expected 0 or more working days",
        "--due-within {n} không hợp lệ: cần 0 ngày làm việc trở lên",
    ),
    "e_list_limit": ("bad --limit {n}: expected a positive number", "--limit {n} không hợp lệ: cần số dương"),
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
        "{what} {at:%Y-%m-%d %H:%M} is in the future",
        "{what} {at:%d/%m/%Y %H:%M} là thời điểm trong tương lai",
    ),
    "r_before_receipt": (
        "{what} {at:%Y-%m-%d %H:%M} is before the receipt",
        "{what} {at:%d/%m/%Y %H:%M} sớm hơn lúc tiếp nhận",
    ),
    "r_both_ends": ("both resolved_at and withdrawn_at are given", "có cả resolved_at và withdrawn_at"),
    "r_returned_alone": ("returned_at without resolved_at", "có returned_at mà không có resolved_at"),
    "r_returned_early": ("returned_at is before resolved_at", "returned_at sớm hơn resolved_at"),
    "r_resumed_alone": ("resumed_at without paused_at", "có resumed_at mà không có paused_at"),
    "r_resumed_early": ("resumed_at is before paused_at", "resumed_at sớm hơn paused_at"),
    "r_resolved_paused": (
        "resolved_at while still waiting for the supplement (no resumed_at)",
        "có resolved_at khi còn chờ bổ sung (thiếu resumed_at)",
    ),
    "r_end_in_pause": (
        "resolved or withdrawn before the supplement round ended",
        "giải quyết hoặc rút hồ sơ trước khi kết thúc lượt bổ sung",
    ),
    "r_duplicate": (
        "duplicate code {code} (already in the database or earlier in the file)",
        "trùng mã {code} (đã có trong cơ sở dữ liệu hoặc ở dòng trước)",
    ),
    "r_repeat": ("code {code} repeats row {first}", "mã {code} trùng với dòng {first}"),
    "r_code_overflow": (
        "more than 9999 dossiers received on {day:%d/%m/%Y} under {prefix}",
        "quá 9999 hồ sơ tiếp nhận ngày {day:%d/%m/%Y} với mã đơn vị {prefix}",
    ),
    "e_period_choose": ("choose one period: {given}", "chỉ chọn một kỳ: {given}"),
    "e_month": (
        "bad month {text!r}: expected YYYY-MM, e.g. 2025-07",
        "tháng không hợp lệ {text!r}: dùng YYYY-MM, ví dụ 2025-07",
    ),
    "e_quarter": (
        "bad quarter {text!r}: expected YYYY-Qn, e.g. 2025-Q3",
        "quý không hợp lệ {text!r}: dùng YYYY-Qn, ví dụ 2025-Q3",
    ),
    "e_year": ("bad year {text!r}: expected e.g. 2025", "năm không hợp lệ {text!r}: ví dụ 2025"),
    "e_from_to_both": ("give both --from and --to", "hãy cho cả --from và --to"),
    "e_to_before_from": ("--to {end!r} is before --from {start!r}", "--to {end!r} sớm hơn --from {start!r}"),
    "e_neither": (
        "{text!r} is neither a time limit nor a procedure code or alias",
        "{text!r} không phải thời hạn, mã thủ tục hay tên viết tắt",
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
    "e_not_demo": (
        "{path} holds a database that is not a demo; the demo will not touch it",
        "{path} là cơ sở dữ liệu thật, không phải bản mô phỏng; lệnh demo không động đến nó",
    ),
    "e_internal": ("unexpected {kind}: {detail}", "lỗi ngoài dự kiến {kind}: {detail}"),
    "e_interrupted": ("interrupted; nothing was written", "đã dừng; chưa ghi gì"),
    "e_exists": ("{path} already exists; choose a new file name", "{path} đã có; hãy chọn tên tệp khác"),
    "e_env_lang": (
        "bad TTHC_LANG {value!r}: expected vi or en",
        "TTHC_LANG {value!r} không hợp lệ: chọn vi hoặc en",
    ),
    # the web side
    "e_password_short": (
        "the manager password needs at least {n} characters",
        "mật khẩu quản lý cần ít nhất {n} ký tự",
    ),
    "e_public_url": (
        "bad public_url {text!r}: expected an address like http://192.168.1.10:8080",
        "public_url không hợp lệ {text!r}: cần địa chỉ dạng http://192.168.1.10:8080",
    ),
    "e_old_db_readonly": (
        "{path} has an older schema ({version}); run any tthc command once to upgrade it, then serve",
        "{path} có lược đồ cũ ({version}); hãy chạy một lệnh tthc bất kỳ để nâng cấp rồi mới chạy serve",
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
    "web_slip_link": ("slip", "phiếu"),
    "web_slip_title": ("RECEIPT AND APPOINTMENT SLIP", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    "web_slip_lookup": (
        "Follow your dossier at {url}, or scan the code:",
        "Theo dõi hồ sơ tại {url}, hoặc quét mã:",
    ),
    "web_slip_receiver": ("Receiving officer", "Người tiếp nhận"),
    "web_slip_applicant": ("Applicant", "Người nộp hồ sơ"),
    "web_print_hint": ("Print with the browser (Ctrl+P).", "In bằng trình duyệt (Ctrl+P)."),
    "web_paper_size": ("Paper size", "Khổ giấy"),
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
