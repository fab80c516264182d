#pragma once

#include "config/sourcelocation.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <limits>

namespace vigil
{

// A condition under which commands to a tag are refused: `when = "LT101 < 10"`.
struct InterlockRule {
    enum class Op : quint8 {
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Equal,
        NotEqual
    };

    QString tagId; // the tag the condition reads
    Op op = Op::Less;
    double number = 0.0; // the right-hand side (bool: 0 or 1)
    bool isBool = false; // written as true/false
    // Only commands to this value are blocked (a stop stays allowed); invalid: every command.
    QVariant appliesToValue;
    QString reason;          // "dry-run protection"
    SourceLocation location; // of the `when` expression
};

// "<", "<=", ">", ">=", "==", "!=".
QString interlockOpSymbol(InterlockRule::Op op);

// How a command's success is established.
enum class CommandVerify : quint8 {
    Feedback, // the feedback tag (or the tag itself) reaches the target
    Ack       // the driver's confirmed write is the result (write-only tags such as a tare)
};

// The per-tag command settings of a writable tag (TagDefinition::command).
struct CommandSettings {
    bool critical = false; // two-person rule: a second user confirms before the write
    QString feedback;      // tag id of the read-back; empty: the tag itself
    SourceLocation feedbackLocation;
    qint64 feedbackTimeoutMs = 5000;
    double feedbackTolerance = std::numeric_limits<double>::quiet_NaN(); // EU; NaN: default
    CommandVerify verify = CommandVerify::Feedback;
    qint64 commandIntervalMs = 0; // minimum time between two commands to this tag
    QStringList labels;           // bool tags: texts for false and true; empty: none
    QList<InterlockRule> interlocks;
};

} // namespace vigil
