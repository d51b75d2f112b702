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
    # the settings, as `config show` explains them
    "cfg_center_name": ("the center's name on reports and slips", "tên trung tâm trên báo cáo và phiếu"),
    "cfg_code_prefix": (
        "unit code that starts generated dossier codes",
        "mã đơn vị ở đầu mã hồ sơ được cấp",
    ),
    "cfg_lang": (
        "output language when --lang and TTHC_LANG are not given",
        "ngôn ngữ hiển thị khi không có --lang hay TTHC_LANG",
    ),
    "cfg_office_hours": (
        "office sessions, half-open",
        "các buổi làm việc (giờ bắt đầu đến trước giờ kết thúc)",
    ),
    "cfg_same_day_cutoff": ("same-day cut-off", "giờ chốt nhận hồ sơ trả trong ngày"),
    "cfg_supplement_policy": (
        "after a supplement: restart the whole limit or freeze the time left",
        "sau khi bổ sung: tính lại toàn bộ thời hạn (restart) hay tính tiếp thời gian còn lại (freeze)",
    ),
    "cfg_calendar_confirmed_through": (
        "last year whose holidays the government has announced",
        "năm cuối cùng đã có lịch nghỉ lễ chính thức",
    ),
    "cfg_period_start_day": ("first day of a reporting month", "ngày đầu của tháng báo cáo"),
    "cfg_center_address": (
        "the center's address on slips and forms",
        "địa chỉ trung tâm trên phiếu và biểu mẫu",
    ),
    "cfg_place_name": (
        "the place named in a form's date line (e.g. Hòa An)",
        "địa danh ở dòng ngày tháng của biểu mẫu (ví dụ Hòa An)",
    ),
    "cfg_report_to": ("the unit that receives the center's reports", "đơn vị nhận báo cáo của trung tâm"),
    "cfg_head_title": (
        "title of who signs reports (e.g. Giám đốc)",
        "chức danh người ký báo cáo (ví dụ Giám đốc)",
    ),
    "cfg_head_name": ("name of who signs reports", "họ tên người ký báo cáo"),
    "cfg_preparer_name": ("name of who prepares reports", "họ tên người lập biểu"),
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
    "fh_returned_at": ("returned_at", "Ngày trả kết quả"),
    "fh_withdrawn_at": ("withdrawn_at", "Ngày rút hồ sơ"),
    "fh_paused_at": ("paused_at", "Ngày yêu cầu bổ sung"),
    "fh_resumed_at": ("resumed_at", "Ngày nhận bổ sung"),
    # the demo
    "demo_next": (
        "Explore it: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}",
        "Xem thêm: tthc --db {path} list --overdue · summary {period} --by month --chart · report {period}",
    ),
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
    # (this section's messages go here)
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

    ``limit`` is a :class:`tthc.timelimit.TimeLimit` or its canonical text (``3wd``)."""
    text = str(limit)
    if text == "same-day":
        return t(lang, "lim_same_day")
    number, unit = text.rstrip("dwh"), text.lstrip("0123456789")
    if not number.isdigit() or unit not in ("wd", "d", "h"):
        return text
    return t(lang, f"lim_{unit}_1" if number == "1" else f"lim_{unit}", n=int(number))


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
