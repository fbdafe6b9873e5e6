"""`sssom validate` (sssom-py) on every file given, in one process: prints each file's errors
and exits 1 when any file fails. Run by tests/outputs.rs (issue #29)."""
import sys

from sssom.constants import DEFAULT_VALIDATION_TYPES
from sssom.parsers import parse_sssom_table
from sssom.validators import validate

failed = 0
for path in sys.argv[1:]:
    try:
        validate(parse_sssom_table(path), DEFAULT_VALIDATION_TYPES, fail_on_error=True)
    except Exception as e:  # the validator raises on the first file's errors
        failed += 1
        print(f"{path}: {type(e).__name__}: {e}")
print(f"sssom validate: {len(sys.argv) - 1 - failed} of {len(sys.argv) - 1} files valid")
sys.exit(1 if failed else 0)
