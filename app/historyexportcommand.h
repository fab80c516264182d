#pragma once

#include <QString>
#include <QTextStream>

namespace vigil
{

class DriverCatalog;
struct HistoryExportArguments;

// `vigil export history`: loads the plant (for its history URL and tags), streams the requested
// range to CSV with progress on stderr, prints where the file went. Returns the exit code
// (0 written, 1 failed, 2 bad arguments).
int runHistoryExport(const HistoryExportArguments &arguments, const QString &plantFile,
                     const DriverCatalog &drivers, QTextStream &out, QTextStream &err);

} // namespace vigil
