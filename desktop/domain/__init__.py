"""The words of the domain and the rules that need no database: stages, target groups, kinds of
service, the monitoring schedule. Every code here has a Persian label through ``tr``."""
