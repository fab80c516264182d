#pragma once

class QSqlError;

namespace vigil
{

// Tells a row error from a storage error. A row error: the database refused a statement for the
// row it writes (a constraint such as a duplicate key, a type mismatch, a value too big or out of
// range); retrying the same row fails forever, but the other rows can still be written. Anything
// else (disk full, read only, I/O, a lost connection, a locked database) is a storage error that
// a retry may cure.
class HistoryRowError
{
public:
    // SQLite: the primary result code (low byte of nativeErrorCode()) is SQLITE_TOOBIG,
    // SQLITE_CONSTRAINT, SQLITE_MISMATCH or SQLITE_RANGE. PostgreSQL: nativeErrorCode() is the
    // SQLSTATE, of class 22 (data exception) or 23 (integrity constraint violation).
    static bool isRowError(const QSqlError &error, bool sqlite);
};

} // namespace vigil
