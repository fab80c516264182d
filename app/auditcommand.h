#pragma once

#include <QString>
#include <QTextStream>

namespace vigil
{

class DriverCatalog;

// `vigil audit verify`: checks the audit trail of the plant's journal.db with the key and head
// file in data_dir, reading only (it may run on a copy, or beside the running app). Prints the
// rows checked and OK, or the first bad seq and why. Returns 0 when intact, 1 when not (or the
// journal cannot be read), 2 without a plant file.
int runAuditVerify(const QString &plantFile, const DriverCatalog &drivers, QTextStream &out,
                   QTextStream &err);

} // namespace vigil
