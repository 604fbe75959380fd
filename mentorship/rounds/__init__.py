"""Match Day: a stable, explainable matching round that directors run and publish."""
