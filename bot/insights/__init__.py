"""What people asked and how it went: outcome counts, unanswered questions, figures and charts."""
