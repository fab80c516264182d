#include "diagnostics.h"

#include <QRegularExpression>

namespace vigil
{

QString Diagnostic::toString() const
{
    QString out;
    if (location.isValid())
        out += location.toString() + QStringLiteral(": ");
    if (severity == Severity::Warning)
        out += QStringLiteral("warning: ");
    if (!object.isEmpty())
        out += object + QStringLiteral(": ");
    out += message;
    return out;
}

void Diagnostics::error(const SourceLocation &where, const QString &object, const QString &message)
{
    ++m_errorCount;
    add({Diagnostic::Severity::Error, where, object, message});
}

void Diagnostics::warning(const SourceLocation &where, const QString &object,
                          const QString &message)
{
    ++m_warningCount;
    add({Diagnostic::Severity::Warning, where, object, message});
}

void Diagnostics::add(Diagnostic diagnostic)
{
    if (m_items.size() < kDetailLimit) {
        m_items.append(std::move(diagnostic));
        return;
    }
    // Few kinds, so a linear search costs less than keeping an index in step.
    const QString kind = kindOf(diagnostic);
    for (Kind &k : m_omitted) {
        if (k.key == kind) {
            ++k.count;
            return;
        }
    }
    m_omitted.append({kind, std::move(diagnostic), 1});
}

QString Diagnostics::kindOf(const Diagnostic &diagnostic)
{
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\""));
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    QString kind = diagnostic.message;
    kind.replace(quoted, QStringLiteral("\"\""));
    kind.replace(digits, QStringLiteral("0"));
    return (diagnostic.severity == Diagnostic::Severity::Warning ? QStringLiteral("w:")
                                                                 : QStringLiteral("e:")) +
           kind;
}

QStringList Diagnostics::toStringList() const
{
    QStringList out;
    out.reserve(m_items.size() + m_omitted.size() + 1);
    for (const Diagnostic &d : m_items)
        out.append(d.toString());
    if (m_omitted.isEmpty())
        return out;
    out.append(QStringLiteral("... and %1 more problem(s) not listed one by one (only the first %2 "
                              "are), by kind:")
                   .arg(omittedCount())
                   .arg(kDetailLimit));
    for (const Kind &k : m_omitted) {
        const bool warning = k.example.severity == Diagnostic::Severity::Warning;
        Diagnostic example = k.example;
        example.severity = Diagnostic::Severity::Error; // the count already says which
        out.append(QStringLiteral("  %1 %2 like %3")
                       .arg(k.count)
                       .arg(warning ? QStringLiteral("warning(s)") : QStringLiteral("error(s)"))
                       .arg(example.toString()));
    }
    return out;
}

bool Diagnostics::contains(const QString &fragment) const
{
    for (const Diagnostic &d : m_items) {
        if (d.toString().contains(fragment))
            return true;
    }
    return false;
}

} // namespace vigil
