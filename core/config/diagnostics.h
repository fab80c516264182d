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
// Only the first kDetailLimit problems are kept one by one: a tag list with thousands of bad rows
// must not print thousands of lines. The rest are counted by kind (the message with its numbers
// and quoted values blanked out), each kind remembering its first occurrence as an example.
class Diagnostics
{
public:
    static constexpr int kDetailLimit = 100;

    struct Kind {
        QString key;        // see kindOf()
        Diagnostic example; // the first problem of this kind that was not kept
        int count = 0;
    };

    void error(const SourceLocation &where, const QString &object, const QString &message);
    void warning(const SourceLocation &where, const QString &object, const QString &message);

    bool hasErrors() const { return m_errorCount > 0; }
    // Counts include the problems beyond the detail limit.
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return m_warningCount; }
    // The problems kept one by one (at most the detail limit).
    const QList<Diagnostic> &items() const { return m_items; }
    // The problems beyond the detail limit, by kind, in the order each kind first appeared.
    int omittedCount() const { return m_errorCount + m_warningCount - int(m_items.size()); }
    const QList<Kind> &omittedKinds() const { return m_omitted; }
    // One line per kept problem, then (if any were left out) a summary line and one line per kind.
    QStringList toStringList() const;
    // True if some kept diagnostic's text contains the fragment (used by tests and tools).
    bool contains(const QString &fragment) const;

    // The kind a message belongs to: digits and "quoted values" blanked out.
    static QString kindOf(const Diagnostic &diagnostic);

private:
    void add(Diagnostic diagnostic);

    QList<Diagnostic> m_items;
    QList<Kind> m_omitted;
    int m_errorCount = 0;
    int m_warningCount = 0;
};

} // namespace vigil
