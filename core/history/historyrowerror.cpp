#include "historyrowerror.h"

#include <QSqlError>

namespace vigil
{

bool HistoryRowError::isRowError(const QSqlError &error, bool sqlite)
{
    const QString code = error.nativeErrorCode();
    if (error.type() == QSqlError::NoError || code.isEmpty())
        return false;
    if (!sqlite)
        return code.size() == 5 && (code.startsWith(u"22") || code.startsWith(u"23"));
    bool ok = false;
    const int primary = code.toInt(&ok) & 0xff; // extended result codes keep it in the low byte
    enum {
        TooBig = 18,
        Constraint = 19,
        Mismatch = 20,
        Range = 25
    };
    return ok &&
           (primary == TooBig || primary == Constraint || primary == Mismatch || primary == Range);
}

} // namespace vigil
