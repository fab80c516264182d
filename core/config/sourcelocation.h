#pragma once

#include <QString>

namespace vigil
{

// Where a value came from: file, 1-based line and column. Every configuration error points here.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }
    QString toString() const
    {
        if (line <= 0)
            return file;
        return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
    }
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

} // namespace vigil
