#pragma once

#include <QString>
#include <QStringList>

namespace vigil
{

class CommandService;
class FaceplateTag;
class Session;
struct CommandPermissives;

// May the person on this panel command the open tag now, and if not, why: the role or the login,
// the device, the interlocks. A copy of what the command service would answer, so the controls
// are disabled with the reason before anyone tries; the service still decides each command.
class FaceplatePermit
{
public:
    // Re-evaluates; true if anything changed. `commands` and `session` may be null (none on
    // this panel: nothing may be commanded).
    bool update(const FaceplateTag &tag, const CommandPermissives &permissives,
                const Session *session, const CommandService *commands);
    void clear();

    bool canCommand(const FaceplateTag &tag) const;
    // A discrete tag's states one by one: an interlock may block a start but not a stop.
    bool allowed(bool state) const;
    QString reason(const FaceplateTag &tag) const; // "" when nothing is blocked

private:
    static QString generalReason(const FaceplateTag &tag, const CommandPermissives &permissives,
                                 const Session *session, const CommandService *commands);

    QString m_general;        // role, login, comm loss, view only: nothing may be commanded
    QStringList m_blocked;    // interlocks blocking now (any value)
    QStringList m_blockedOff; // discrete: those blocking a command to false / to true
    QStringList m_blockedOn;
    bool m_evaluated = false;
};

} // namespace vigil
