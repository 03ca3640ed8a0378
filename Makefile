.PHONY: run test check-run bench
# Run the portal locally (SQLite, eager tasks, demo data). Prints the URL and logins.
run:
	scripts/run.sh
# The whole test suite against PostgreSQL and Redis on 127.0.0.1.
test:
	scripts/test.sh
# Set up as `make run` does, then check the home page answers 200 and stop.
check-run:
	scripts/run.sh --check
