from kb.cli.app import entry

entry()
