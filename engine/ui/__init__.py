"""The UI kit: theme, text, icons and widgets, all sized in millimetres."""
