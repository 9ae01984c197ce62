"""Case reports (日报、周报、月报) as PDF files: the writer, the choice dialog, the export."""
