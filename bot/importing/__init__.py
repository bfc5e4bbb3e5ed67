"""Turning a policy document (.docx, .pdf, .html, .md, .txt) into knowledge files."""
