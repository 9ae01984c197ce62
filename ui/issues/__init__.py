"""The issue (事件) screens: report form, case list, case detail, and their parts."""
