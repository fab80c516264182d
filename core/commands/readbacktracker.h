#pragma once

#include <QString>
#include <QVariant>

#include <vector>

namespace vigil
{

class CommandInputs;
class TagDirectory;

// Decides whether a written command took effect: its feedback tag (or the tag itself) shows the
// target, a bool equal, a number within the tolerance. Resolves feedback tags and default
// tolerances once, at construction.
class ReadbackTracker
{
public:
    explicit ReadbackTracker(const TagDirectory &directory);

    // The driver's confirmed write is the result (verify = "ack").
    bool ackOnly(quint32 tag) const { return m_rules[tag].ackOnly; }
    quint32 feedbackOf(quint32 tag) const { return m_rules[tag].feedback; }
    qint64 timeoutMs(quint32 tag) const { return m_rules[tag].timeoutMs; }
    double tolerance(quint32 tag) const { return m_rules[tag].tolerance; }

    bool reached(quint32 tag, const QVariant &target, const CommandInputs &inputs) const;
    // "P101.RUN did not reach 1 within 5 s (read-back 0)".
    QString failure(quint32 tag, const QVariant &target, const CommandInputs &inputs) const;

private:
    struct Rule {
        quint32 feedback = 0;
        bool boolean = false;
        bool text = false;
        bool ackOnly = false;
        double tolerance = 0.0;
        qint64 timeoutMs = 0;
    };

    const TagDirectory &m_directory;
    std::vector<Rule> m_rules;
};

} // namespace vigil
