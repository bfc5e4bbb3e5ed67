"""`python -m bot.bench`: the engine benchmark."""

from bot.bench.engine_bench import main

raise SystemExit(main())
