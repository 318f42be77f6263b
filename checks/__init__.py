"""pac's GDPR check catalogue, one module per topic; installed as ``pac_checks``."""
