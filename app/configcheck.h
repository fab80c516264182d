#pragma once

#include <QString>
#include <QTextStream>

namespace vigil
{

class DriverCatalog;

// `vigil --check-config FILE`: loads the plant as the app would, prints every error and
// warning, and a one-line summary. Returns the process exit code (0 valid, 1 invalid).
int runConfigCheck(const QString &path, const DriverCatalog &drivers, QTextStream &out,
                   QTextStream &err);

} // namespace vigil
