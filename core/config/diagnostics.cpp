#include "diagnostics.h"

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
    m_items.append({Diagnostic::Severity::Error, where, object, message});
    ++m_errorCount;
}

void Diagnostics::warning(const SourceLocation &where, const QString &object,
                          const QString &message)
{
    m_items.append({Diagnostic::Severity::Warning, where, object, message});
}

QStringList Diagnostics::toStringList() const
{
    QStringList out;
    out.reserve(m_items.size());
    for (const Diagnostic &d : m_items)
        out.append(d.toString());
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
