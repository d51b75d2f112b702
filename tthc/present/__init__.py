"""What people read: screens, tables, papers and workbooks, made from the plain data ``tthc.app`` returns."""
