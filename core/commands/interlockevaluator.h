#pragma once

#include "tags/commandsettings.h"

#include <QStringList>
#include <QVariant>

#include <vector>

namespace vigil
{

class CommandInputs;
class TagDirectory;

// The interlocks of every writable tag, with the tags they read resolved to indices. A condition
// that holds blocks the command; so does one that cannot be evaluated (its tag is not Good).
class InterlockEvaluator
{
public:
    explicit InterlockEvaluator(const TagDirectory &directory);

    // The interlocks blocking a command of `tag` to `target` now, each "LT101 < 10 % (dry-run
    // protection)" or "LT101 is Bad: interlock cannot be evaluated". An invalid target: every
    // interlock, whatever value it is limited to (what a faceplate shows before a choice).
    QStringList blocking(quint32 tag, const QVariant &target, const CommandInputs &inputs) const;

private:
    struct Compiled {
        InterlockRule rule;
        qint64 input = -1; // tag index; -1: unknown tag (the loader refuses such files)
        QString unit;
    };

    static bool appliesTo(const InterlockRule &rule, const QVariant &target);
    static bool holds(const InterlockRule &rule, double value);
    static QString describe(const Compiled &interlock);

    std::vector<std::vector<Compiled>> m_byTag;
};

} // namespace vigil
