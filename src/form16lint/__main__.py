from form16lint.startup import main

raise SystemExit(main())
