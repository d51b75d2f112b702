"""Where data rests: the SQLite database behind one ``Store`` (with its migrations), this PC's station file, and the spreadsheet and CSV files tthc reads and writes."""
