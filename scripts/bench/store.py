"""Generated stores of assessment files, and `maturity list` / `progress` timed over them."""
import json, os, random, subprocess, time

# The 42 integrated care systems of England (names as the boards use them).
SYSTEMS = [
    "Bath and North East Somerset, Swindon and Wiltshire", "Bedfordshire, Luton and Milton Keynes",
    "Birmingham and Solihull", "Black Country", "Bristol, North Somerset and South Gloucestershire",
    "Buckinghamshire, Oxfordshire and Berkshire West", "Cambridgeshire and Peterborough", "Cheshire and Merseyside",
    "Cornwall and the Isles of Scilly", "Coventry and Warwickshire", "Derby and Derbyshire", "Devon", "Dorset",
    "Frimley", "Gloucestershire", "Greater Manchester", "Hampshire and Isle of Wight",
    "Herefordshire and Worcestershire", "Hertfordshire and West Essex", "Humber and North Yorkshire", "Kent and Medway",
    "Lancashire and South Cumbria", "Leicester, Leicestershire and Rutland", "Lincolnshire",
    "Mid and South Essex", "Norfolk and Waveney", "North Central London", "North East and North Cumbria",
    "North East London", "North West London", "Northamptonshire", "Nottingham and Nottinghamshire",
    "Shropshire, Telford and Wrekin", "Somerset", "South East London", "South West London",
    "South Yorkshire", "Staffordshire and Stoke-on-Trent", "Suffolk and North East Essex", "Surrey Heartlands",
    "Sussex", "West Yorkshire",
]
NOTE_WORDS = ("board minutes evidence strategy anchor institution local employment living wage apprenticeships "
              "procurement social value net zero travel plan estates carbon partnership council college "
              "recovery plan investment skills workforce people plan audit committee review agreed").split()


def slug(name):
    text = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in name)
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")[:40].strip("-")


def identity(name):
    """The system's identity as maturity derives it from a plain ASCII name: its words, lowercase, joined by hyphens."""
    text = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in name)
    return "-".join(word for word in text.split("-") if word)


def note(rng):
    return " ".join(rng.choice(NOTE_WORDS) for _ in range(rng.randint(12, 40))).capitalize() + "."


def template(binary, folder):
    """A real assessment file written by maturity itself, to vary, and each area's criteria."""
    env = dict(os.environ, MATURITY_STORE=folder, HOME=folder)
    path = subprocess.run([binary, "new", "--system", "Template", "--date", "2020-01-01"], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()
    with open(path) as handle:
        data = json.load(handle)
    os.remove(path)
    shown = subprocess.run([binary, "frameworks", "show", data["framework"]["id"], "--format", "json"], env=env,
                           check=True, capture_output=True, text=True).stdout
    criteria = {area["id"]: [c["id"] for c in area["criteria"]] for area in json.loads(shown)["areas"]}
    return data, criteria


def generate(binary, folder, count, seed=42):
    """`count` assessments of the 42 systems, one every few days back from 2026, with notes and actions."""
    os.makedirs(folder, exist_ok=True)
    base, criteria = template(binary, folder)
    rng = random.Random(seed)
    letters = ["yes", "partly", "no", "unsure"]
    per_system = -(-count // len(SYSTEMS))
    written = 0
    for index in range(per_system):
        for system in SYSTEMS:
            if written == count:
                return
            day = 20000 + 0 - index * 3 + rng.randint(0, 2)           # days since 1970: back from 2024-10
            date = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
            data = json.loads(json.dumps(base))
            data["system"] = system + " ICS"
            data["systemID"] = identity(system + " ICS")
            data["date"] = date
            data["status"] = "complete" if rng.random() < 0.9 else "draft"
            data["participants"] = ["Chair", "Chief executive", "Director of strategy", "Non-executive director"]
            for area in data["areas"]:
                ids = criteria[area["id"]]
                area["answers"] = {criterion: rng.choice(letters) for criterion in ids}
                area["notes"] = {criterion: note(rng) for criterion in ids if rng.random() < 0.4}
                area["actions"] = [{"id": f"a{n + 1}", "what": note(rng)[:120], "owner": "Director of strategy",
                                    "due": date, "status": rng.choice(["not-started", "in-progress", "done"])}
                                   for n in range(rng.randint(0, 3))]
            name = f"{date}-{slug(system + ' ICS')}.json"
            with open(os.path.join(folder, name), "w") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
            written += 1


def timed(binary, args, env):
    """Wall time (s) and peak resident memory (MB) of one run."""
    start = time.monotonic()
    process = subprocess.Popen([binary] + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    errors = process.stderr.read().decode()
    if status != 0:
        raise RuntimeError(f"{args} failed: {errors[:500]}")
    return elapsed, usage.ru_maxrss / 1024
