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
    "r_transition": (
        "{what} is given, but by then the dossier is {status} ({step} needs {allowed})",
        "có {what}, nhưng lúc đó hồ sơ đang ở trạng thái “{status}” (“{step}” chỉ khi hồ sơ {allowed})",
    ),
    "r_step_order": (
        "{what} {at:%Y-%m-%d %H:%M} is before the dossier's previous step ({last:%Y-%m-%d %H:%M})",
        "{what} {at:%d/%m/%Y %H:%M} sớm hơn bước trước của hồ sơ ({last:%d/%m/%Y %H:%M})",
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
    "w_disk_io": ("the disk could not be read or written", "không đọc/ghi được ổ đĩa"),
    "e_older_db": (
        "{path} has an older schema ({version}); open it once with a clerk's command to upgrade it",
        "{path} có lược đồ cũ ({version}); hãy mở bằng một lệnh thường để nâng cấp",
    ),
    "e_due_before_receipt": (
        "due_at {at:%Y-%m-%d %H:%M} is before the receipt ({received:%Y-%m-%d %H:%M})",
        "ngày hẹn trả {at:%d/%m/%Y %H:%M} sớm hơn lúc tiếp nhận ({received:%d/%m/%Y %H:%M})",
    ),
    "e_name_ambiguous": (
        "{kind} {name!r} could be any of: {candidates}; type more of the name",
        "{kind} {name!r} trùng với nhiều người: {candidates}; hãy gõ đầy đủ hơn",
    ),
    "e_internal": (
        "internal error (a bug in tthc, not your input): {kind}: {detail}. Nothing was written."
        " Please report it; TTHC_DEBUG=1 shows the details",
        "lỗi nội bộ (lỗi của tthc, không phải do dữ liệu nhập): {kind}: {detail}. Chưa ghi gì."
        " Hãy báo lỗi; đặt TTHC_DEBUG=1 để xem chi tiết",
    ),
    "e_interrupted": ("interrupted; nothing was written", "đã dừng; chưa ghi gì"),
    "e_exists": ("{path} already exists; choose a new file name", "{path} đã có; hãy chọn tên tệp khác"),
    "e_env_lang": (
        "bad TTHC_LANG {value!r}: expected vi or en",
        "TTHC_LANG {value!r} không hợp lệ: chọn vi hoặc en",
    ),
    # -- screens (worklist, summary shapes, exports) -------------------------------------
    # (this section's messages go here)
    # -- corrections (undo, reports closed) ----------------------------------------------
    # (this section's messages go here)
    # -- papers (receipt slips, forms 01–06, log book) -----------------------------------
    # (this section's messages go here)
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
    # (this section's messages go here)
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
    # (this section's messages go here)
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
