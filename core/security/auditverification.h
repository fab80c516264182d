#pragma once

#include <QString>
#include <QtGlobal>

namespace vigil
{

// The outcome of checking the audit trail's hash chain, its HMACs and its head file.
struct AuditVerification {
    bool ok = false;
    qint64 rowsChecked = 0;
    qint64 firstBadSeq = 0; // 0 when ok, or when the fault is not in one row (e.g. unreadable)
    QString reason;         // English, e.g. "seq 7: hash mismatch (the row was changed)"
};

} // namespace vigil
