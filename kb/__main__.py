from kb.cli.launch import entry

entry()
