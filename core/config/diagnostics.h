#pragma once

#include "sourcelocation.h"

#include <QList>
#include <QStringList>

namespace vigil
{

struct Diagnostic {
    enum class Severity {
        Error,
        Warning
    };

    Severity severity = Severity::Error;
    SourceLocation location;
    QString object; // e.g. "tag 'TT101'", "device 'plc1'"; may be empty
    QString message;

    // "file:line:col: tag 'TT101': what is wrong" (warnings say "warning: " before the object).
    QString toString() const;
};

// Collects every problem found while loading a plant, so that all of them are reported at once.
class Diagnostics
{
public:
    void error(const SourceLocation &where, const QString &object, const QString &message);
    void warning(const SourceLocation &where, const QString &object, const QString &message);

    bool hasErrors() const { return m_errorCount > 0; }
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return int(m_items.size()) - m_errorCount; }
    const QList<Diagnostic> &items() const { return m_items; }
    QStringList toStringList() const;
    // True if some diagnostic's text contains the fragment (used by tests and tools).
    bool contains(const QString &fragment) const;

private:
    QList<Diagnostic> m_items;
    int m_errorCount = 0;
};

} // namespace vigil
