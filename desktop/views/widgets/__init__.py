"""Small reusable widgets: Jalali date entry, field errors, digit fields."""
