"""Reading other people's research recordings and scoring them with `engine.scoring`."""
