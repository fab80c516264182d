#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// The output of an export must stay inside the directory the user chose: a plain file name
// (no separators, no "..", no control characters), and no symbolic link that points elsewhere.
class ExportPath
{
public:
    // The full path for `fileName` inside `directory` (created if missing), or nullopt with the
    // reason.
    static std::optional<QString> resolve(const QString &directory, const QString &fileName,
                                          QString *error);
    // A default name such as "trend_20240105-134510.csv".
    static QString defaultName(const QString &prefix, qint64 msSinceEpoch);
};

} // namespace vigil
