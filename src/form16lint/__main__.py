from form16lint.cli import main

raise SystemExit(main())
