#include <sqlite3.h>

/* sqlite3_config is variadic and does not import into Swift: fixed-argument wrappers. */

/* Turns off SQLite's memory-usage statistics, which take a global mutex on every
   allocation (16 % of the CPU time of a one-row INSERT, measured). Takes effect only
   before SQLite initializes (the first open in the process); later it returns
   SQLITE_MISUSE and changes nothing. */
static inline int hindsight_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
