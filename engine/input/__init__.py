"""Input: pygame events become `Touch` values once, here; gestures are pure code over them."""
